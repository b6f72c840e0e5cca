// Agent notes and overdue escalations in the exports (issue 21): a note is the history entry `note.added`
// with its text and author, so XES writes it as an event (concept:name note.added, org:resource the
// author, data:text the note) and OCEL as an event of type note.added related to its case.
import { describe, expect, it } from 'vitest';
import { compileCaseType, createCase, fireTimer, recordNote } from '../../../runtime/engine/index.ts';
import type { Accepted, HistoryEntry, Outcome } from '../../../runtime/engine/index.ts';
import { checkOcel } from '../../../runtime/export/ocel-check.ts';
import type { OcelLog } from '../../../runtime/export/ocel-types.ts';
import { toOcel } from '../../../runtime/export/ocel.ts';
import type { ExportCase } from '../../../runtime/export/types.ts';
import { toXes } from '../../../runtime/export/xes.ts';
import { collect, memorySource } from './fixtures.ts';

const ok = (o: Outcome): Accepted => {
  if (!o.ok) throw new Error(o.message);
  return o;
};

function callback(): ExportCase {
  const type = compileCaseType({
    key: 'claim',
    title: 'Claim',
    data: { type: 'object' },
    events: { DONE: { title: 'Done' } },
    playbook: {
      initial: 'calling',
      states: {
        calling: { task: { title: 'Call the customer', due: 'PT1H', onOverdue: [{ type: 'priority', value: 'urgent' }] }, on: { DONE: 'closed' } },
        closed: { type: 'final' },
      },
    },
  });
  const created = ok(createCase(type, { id: 'k-1' }, '2026-01-05T09:00:00.000Z'));
  const noted = ok(recordNote(created.case, 'Customer asked for a call after 17:00 & not before.', '2026-01-05T09:30:00.000Z', { id: 'ann', roles: ['agent'] }));
  const overdue = ok(fireTimer(type, noted.case, 'task.calling.overdue', '2026-01-05T10:00:00.000Z'));
  const history: HistoryEntry[] = [created.history, noted.history, overdue.history];
  const k = overdue.case;
  return { id: k.id, caseType: k.caseType, version: k.version, state: k.state, priority: k.priority, channel: k.channel, parentId: null, data: k.data, createdAt: k.createdAt, updatedAt: k.updatedAt, closedAt: null, history };
}

describe('notes in the exports', () => {
  it('XES: the note is an event with its author and its text (escaped)', async () => {
    const { text } = await collect((sink) => toXes(memorySource([callback()], [{ key: 'claim', version: 1 }]), sink));
    const events = text.split('<event>').slice(1);
    const note = events.find((e) => e.includes('value="note.added"'));
    expect(note).toContain('<string key="org:resource" value="ann"/>');
    expect(note).toContain('<date key="time:timestamp" value="2026-01-05T09:30:00.000Z"/>');
    expect(note).toContain('<string key="data:text" value="Customer asked for a call after 17:00 &amp; not before."/>');
    const escalation = events.find((e) => e.includes('value="task.calling.overdue"'));
    expect(escalation).toContain('<string key="data:title" value="Call the customer"/>');
  });

  it('OCEL: the note is an event of type note.added related to its case', async () => {
    const { text } = await collect((sink) => toOcel(memorySource([callback()], [{ key: 'claim', version: 1 }]), sink));
    const log = JSON.parse(text) as OcelLog;
    expect(checkOcel(log)).toEqual([]);
    const note = log.events.find((e) => e.type === 'note.added');
    expect(note).toMatchObject({
      id: 'k-1#2',
      time: '2026-01-05T09:30:00.000Z',
      attributes: expect.arrayContaining([
        { name: 'actor', value: 'ann' },
        { name: 'data.text', value: 'Customer asked for a call after 17:00 & not before.' },
      ]) as unknown,
      relationships: [{ objectId: 'k-1', qualifier: 'case' }],
    });
    expect(log.eventTypes.map((t) => t.name)).toEqual(expect.arrayContaining(['note.added', 'task.calling.overdue']));
  });
});
