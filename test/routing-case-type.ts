// The case type of the routing tests (docs/routing.md): a request with a subject in the queue `billing`
// (needs billing at level 2, offers time out after `offerTimeout`) or, after MOVE, in `legal` (needs
// legal; `legalTimeout`, default the same); CLOSE ends it. `strategy` and `offerTimeout` vary per test.
export function routingCaseType(options: { strategy?: 'round-robin' | 'least-loaded' | 'most-skilled'; offerTimeout?: string; legalTimeout?: string } = {}) {
  const routing = { strategy: options.strategy ?? 'round-robin', offerTimeout: options.offerTimeout ?? 'PT1M' };
  const legalRouting = { ...routing, offerTimeout: options.legalTimeout ?? routing.offerTimeout };
  return {
    key: 'request',
    title: 'Customer request',
    data: { type: 'object', properties: { subject: { type: 'string', title: 'Subject' } } },
    queues: {
      billing: { title: 'Billing', skills: [{ skill: 'billing', level: 2 }], routing },
      legal: { title: 'Legal', skills: ['legal'], routing: legalRouting },
      pull: { title: 'Pull only', skills: ['filing'] },
    },
    events: { MOVE: { title: 'Move to legal' }, CLOSE: { title: 'Close' } },
    playbook: {
      initial: 'billing',
      states: {
        billing: { title: 'Billing', entry: [{ type: 'assign', queue: 'billing' }], task: { title: 'Handle the bill', queue: 'billing' }, on: { MOVE: { target: 'legal' }, CLOSE: { target: 'done' } } },
        legal: { title: 'Legal', entry: [{ type: 'assign', queue: 'legal' }], task: { title: 'Check the contract', queue: 'legal' }, on: { CLOSE: { target: 'done' } } },
        done: { title: 'Done', type: 'final' },
      },
    },
  };
}
