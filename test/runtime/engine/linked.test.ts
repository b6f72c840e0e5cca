// Linked work in the engine (docs/linked-work.md): sendToChildren / sendToParent emit effects with
// deterministic keys and the payload read when the action ran; the deliveries go to open children only
// (of one case type where named); links and undelivered events are recorded in the history.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { applyEvent, childDeliveries, compileCaseType, createCase, parentDelivery, recordLink, recordUndelivered, type Case, type Effect } from '../../../runtime/engine/index.ts';

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-05T10:00:00.000Z';
const template = (key: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../templates/${key}.case.json`), 'utf8')) as CaseType;

const major = compileCaseType(template('major-incident'));
const impact = compileCaseType(template('incident-impact'));
const MAJOR_DATA = { incidentRef: 'INC-20417', title: 'Fibre outage', service: 'internet', severity: 'sev3', impactDescription: 'No internet.' };

function must<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return outcome as Extract<T, { ok: true }>;
}

/** A major incident brought to mitigating. */
function mitigating(): Case {
  const created = must(createCase(major, { id: 'm1', data: MAJOR_DATA }, T0));
  return must(applyEvent(major, created.case, { type: 'CAUSE_IDENTIFIED', data: { diagnosis: { rootCause: 'A cut fibre.' } } }, T0)).case;
}

describe('sendToChildren', () => {
  it('emits one effect with the key of its place among the keyed effects, the case type and no payload', () => {
    const restored = must(applyEvent(major, mitigating(), { type: 'SERVICE_RESTORED', data: { mitigation: { fix: 'Spliced.', restoredAt: T1 } } }, T1));
    const linked = restored.effects.filter((e) => e.type === 'sendToChildren');
    // webhook :1, notify :2, then sendToChildren :3 (revision 3)
    expect(linked).toEqual([{ type: 'sendToChildren', key: 'm1:3:3', event: 'SERVICE_RESTORED', data: null, caseType: 'incident-impact' }]);
    expect(restored.history.notes).toEqual(['Every open impact case was told the service is restored.']);
  });

  it('is the same effect with the same key when the same event is applied again (a retried request)', () => {
    const before = mitigating();
    const event = { type: 'SERVICE_RESTORED', data: { mitigation: { fix: 'Spliced.', restoredAt: T1 } } };
    const once = must(applyEvent(major, before, event, T1)).effects;
    const again = must(applyEvent(major, before, event, T1)).effects;
    expect(again).toEqual(once);
  });

  it('reads the payload from the case when the action runs (from), or sends its constant data', () => {
    const def = template('major-incident');
    const active = def.playbook.states.active as { on: Record<string, unknown> };
    const withPayloads: CaseType = {
      ...def,
      events: { ...def.events, TELL: { title: 'Tell the children', data: { type: 'object', properties: { mitigation: { type: 'object', properties: { workaround: { type: 'string' } } } } } } },
      playbook: {
        ...def.playbook,
        states: {
          ...def.playbook.states,
          active: {
            ...active,
            on: {
              ...active.on,
              TELL: {
                actions: [
                  { type: 'sendToChildren', event: 'WORKAROUND', from: '/mitigation' },
                  { type: 'sendToParent', event: 'NOTE', data: { say: 'hi' } },
                  { type: 'sendToChildren', event: 'NOTHING', from: '/title' },
                ],
              },
            },
          },
        },
      },
    } as CaseType;
    const type = compileCaseType(withPayloads);
    const created = must(createCase(type, { id: 'm2', data: MAJOR_DATA }, T0));
    const told = must(applyEvent(type, created.case, { type: 'TELL', data: { mitigation: { workaround: 'Use the app hotspot.' } } }, T0));
    expect(told.effects.filter((e) => e.type === 'sendToChildren' || e.type === 'sendToParent')).toEqual([
      { type: 'sendToChildren', key: 'm2:2:1', event: 'WORKAROUND', data: { workaround: 'Use the app hotspot.' }, caseType: null },
      { type: 'sendToParent', key: 'm2:2:2', event: 'NOTE', data: { say: 'hi' } },
      // a pointer to a value that is not an object sends no payload
      { type: 'sendToChildren', key: 'm2:2:3', event: 'NOTHING', data: null, caseType: null },
    ]);
  });
});

describe('childDeliveries and parentDelivery', () => {
  const effect: Extract<Effect, { type: 'sendToChildren' }> = { type: 'sendToChildren', key: 'm1:3:3', event: 'SERVICE_RESTORED', data: null, caseType: 'incident-impact' };
  const children = [
    { id: 'a', caseType: 'incident-impact', closedAt: null },
    { id: 'b', caseType: 'incident-impact', closedAt: T0 },
    { id: 'c', caseType: 'complaint', closedAt: null },
    { id: 'd', caseType: 'incident-impact', closedAt: null },
  ];

  it('go to the open children of the named case type only, each with a key of the effect and the child', () => {
    expect(childDeliveries(effect, children)).toEqual([
      { caseId: 'a', key: 'm1:3:3>a', event: { type: 'SERVICE_RESTORED' } },
      { caseId: 'd', key: 'm1:3:3>d', event: { type: 'SERVICE_RESTORED' } },
    ]);
  });

  it('go to every open child without a case type, with the payload', () => {
    expect(childDeliveries({ ...effect, caseType: null, data: { x: 1 } }, children).map((d) => [d.caseId, d.key, d.event])).toEqual([
      ['a', 'm1:3:3>a', { type: 'SERVICE_RESTORED', data: { x: 1 } }],
      ['c', 'm1:3:3>c', { type: 'SERVICE_RESTORED', data: { x: 1 } }],
      ['d', 'm1:3:3>d', { type: 'SERVICE_RESTORED', data: { x: 1 } }],
    ]);
  });

  it('send to the parent, closed or not (a closed one refuses it), and nothing without one', () => {
    const up = { type: 'sendToParent' as const, key: 'i1:5:1', event: 'CUSTOMER_STILL_AFFECTED', data: null };
    expect(parentDelivery(up, { id: 'm1', caseType: 'major-incident', closedAt: null })).toEqual({ caseId: 'm1', key: 'i1:5:1>m1', event: { type: 'CUSTOMER_STILL_AFFECTED' } });
    expect(parentDelivery(up, { id: 'm1', caseType: 'major-incident', closedAt: T1 })?.caseId).toBe('m1');
    expect(parentDelivery(up, null)).toBe(null);
  });
});

describe('sendToParent', () => {
  it('emits its effect from the child when the customer is still affected', () => {
    const opened = must(createCase(impact, { id: 'i1', data: { incidentRef: 'INC-20417', service: 'internet', customer: { name: 'Lotte', email: 'lotte@example.com' } }, parentId: 'm1' }, T0));
    const restored = must(applyEvent(impact, opened.case, { type: 'SERVICE_RESTORED' }, T0));
    expect(restored.history.notes).toEqual(['The service was restored before the customer was informed.']);
    const still = must(applyEvent(impact, restored.case, { type: 'STILL_AFFECTED', data: { agentNote: 'No signal.' } }, T1));
    expect(still.effects.filter((e) => e.type === 'sendToParent')).toEqual([{ type: 'sendToParent', key: 'i1:3:1', event: 'CUSTOMER_STILL_AFFECTED', data: null }]);
  });
});

describe('recordLink and recordUndelivered', () => {
  const parent = must(createCase(major, { id: 'm1', data: MAJOR_DATA }, T0)).case;
  const child = must(createCase(impact, { id: 'i9', data: { incidentRef: 'INC-20417', service: 'internet', customer: { name: 'Bram' } } }, T0)).case;
  const anna = { id: 'anna', roles: ['agent'] };

  it('sets the parent on the child and adds the child to the parent, each with a history entry', () => {
    const onChild = must(recordLink(impact, child, { kind: 'parentLinked', caseId: 'm1', reference: 'MAJ-000001' }, T1, anna));
    expect([onChild.case.parentId, onChild.case.revision, onChild.case.state]).toEqual(['m1', 2, 'informing']);
    expect(onChild.history).toMatchObject({ actor: 'anna', event: { type: 'parent.linked', data: { parent: 'm1', reference: 'MAJ-000001' } }, patch: [] });
    const onParent = must(recordLink(major, parent, { kind: 'childLinked', caseId: 'i9', reference: 'INC-000009' }, T1, anna));
    expect(onParent.case.children).toEqual(['i9']);
    expect(onParent.history.event).toEqual({ type: 'child.linked', data: { child: 'i9', reference: 'INC-000009' } });
    const undone = must(recordLink(major, onParent.case, { kind: 'childUnlinked', caseId: 'i9', reference: 'INC-000009' }, T1, anna));
    expect(undone.case.children).toEqual([]);
    const free = must(recordLink(impact, onChild.case, { kind: 'parentUnlinked', caseId: 'm1', reference: 'MAJ-000001' }, T1, anna));
    expect(free.case.parentId).toBe(null);
  });

  it('a child linked later tells its parent when it closes (child.closed)', () => {
    const linked = must(recordLink(impact, child, { kind: 'parentLinked', caseId: 'm1', reference: 'MAJ-000001' }, T1, anna)).case;
    const restored = must(applyEvent(impact, linked, { type: 'SERVICE_RESTORED' }, T1)).case;
    const closed = must(applyEvent(impact, restored, { type: 'RESTORE_CONFIRMED' }, T1));
    expect(closed.effects.filter((e) => e.type === 'childClosed')).toEqual([{ type: 'childClosed', key: 'i9:4:1', parentId: 'm1', childId: 'i9' }]);
  });

  it('refuses to record on a closed case', () => {
    expect(recordLink(impact, { ...child, closedAt: T0 }, { kind: 'parentLinked', caseId: 'm1', reference: 'MAJ-000001' }, T1)).toMatchObject({ ok: false, code: 'event.not_accepted' });
  });

  it('records an undelivered event on the sender in words, changing nothing else', () => {
    const undelivered = { event: 'SERVICE_RESTORED', caseId: 'i9', reference: 'INC-000009', to: 'child' as const, code: 'event.not_accepted', reason: 'The case is closed.' };
    const recorded = must(recordUndelivered(major, parent, undelivered, T1));
    expect(recorded.history).toMatchObject({ actor: 'system', event: { type: 'linked.undelivered', data: undelivered }, patch: [], from: parent.state, to: parent.state });
    expect(recorded.effects).toEqual([]);
  });
});
