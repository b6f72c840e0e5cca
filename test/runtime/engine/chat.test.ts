// Chat messages in the engine (issue 20, item 6): a history entry run through the playbook, so an SLA may
// start on a customer's message and stop on an agent's answer, like an e-mail waiting for one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/validate.ts';
import { compileCaseType, createCase, recordChat, type Case } from '../../../runtime/engine/index.ts';

const T0 = '2026-01-05T09:00:00.000Z';

function withChatSla(): CaseType {
  const def = JSON.parse(readFileSync(join(import.meta.dirname, '../../../templates/complaint.case.json'), 'utf8')) as CaseType;
  return {
    ...def,
    slas: {
      ...def.slas,
      chatAnswer: { title: 'Chat answer', start: { event: ['chat.customer'] }, stop: { event: ['chat.agent'] }, goal: 'PT15M', deadline: 'PT1H' },
    },
  };
}

describe('recordChat', () => {
  const def = withChatSla();
  const type = compileCaseType(def);
  const opened = createCase(type, { id: 'c1', data: { customer: { name: 'Sam' }, channel: 'chat', description: 'Broken.' } }, T0);
  if (!opened.ok) throw new Error(opened.message);
  const kase: Case = opened.case;

  it('is a valid definition with an SLA on chat events', () => {
    expect(validateCaseType(def).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('starts an SLA on the customer\'s message and meets it with the agent\'s answer', () => {
    const asked = recordChat(type, kase, { from: 'customer', text: 'Hello?' }, '2026-01-05T09:05:00.000Z');
    if (!asked.ok) throw new Error(asked.message);
    expect(asked.history).toMatchObject({ event: { type: 'chat.customer', data: { text: 'Hello?' } }, actor: 'customer' });
    expect(asked.case.slas.find((s) => s.name === 'chatAnswer')?.status).toBe('running');
    const answered = recordChat(type, asked.case, { from: 'agent', text: 'Hi!' }, '2026-01-05T09:10:00.000Z', { id: 'anna', roles: ['agent'] });
    if (!answered.ok) throw new Error(answered.message);
    expect(answered.history).toMatchObject({ event: { type: 'chat.agent' }, actor: 'anna' });
    expect(answered.case.slas.find((s) => s.name === 'chatAnswer')?.status).toBe('met');
    expect(answered.case.state).toBe(kase.state);
  });

  it('refuses an empty or over-long message, and any on a closed case', () => {
    expect(recordChat(type, kase, { from: 'customer', text: ' ' }, T0)).toMatchObject({ ok: false, code: 'data.invalid' });
    expect(recordChat(type, kase, { from: 'customer', text: 'x'.repeat(4001) }, T0)).toMatchObject({ ok: false, code: 'data.invalid' });
    expect(recordChat(type, { ...kase, closedAt: T0 }, { from: 'agent', text: 'hi' }, T0)).toMatchObject({ ok: false, code: 'event.not_accepted' });
  });
});
