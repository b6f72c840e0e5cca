// Agent notes on a case (issue 21, item 7; docs/task-due.md "Agent notes"): free text an agent writes
// on a case, kept as a history entry `note.added` with the text, its author (the entry's actor) and
// time. A note is not a playbook event: it goes to no machine, changes no data, task, SLA or timer,
// only the revision and `updatedAt`. A closed case takes notes too (a note after the fact is still
// part of the file). Refused, changing nothing, for an empty (after trimming) or over-long text.
import { reject } from './rejections.ts';
import type { Actor, Case, Instant, Outcome } from './types.ts';

export const NOTE_ADDED = 'note.added';
/** The longest note, in characters. */
export const MAX_NOTE_TEXT = 4000;

export function recordNote(kase: Case, text: string, now: Instant, actor: Actor): Outcome {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_NOTE_TEXT) {
    return reject(
      'data.invalid',
      trimmed === ''
        ? 'A note needs some text; this one is empty.'
        : `A note is at most ${String(MAX_NOTE_TEXT)} characters; this one has ${String(trimmed.length)}.`,
      [{ pointer: '/text', message: `/text must be 1 to ${String(MAX_NOTE_TEXT)} characters` }],
    );
  }
  const revision = kase.revision + 1;
  return {
    ok: true,
    case: { ...kase, updatedAt: now, revision },
    effects: [],
    history: {
      seq: revision,
      at: now,
      actor: actor.id,
      ...(actor.partner === undefined ? {} : { partner: actor.partner }),
      event: { type: NOTE_ADDED, data: { text: trimmed } },
      from: kase.state,
      to: kase.state,
      patch: [],
      notes: [],
    },
  };
}
