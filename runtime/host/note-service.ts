// Agent notes on a case (issue 21, item 7; runtime/engine/notes.ts): a note is the history entry
// `note.added` with its text, committed under the case's lock like any step, so it reaches every host
// through the store and the exports (XES and OCEL read the history).
import { recordNote, type Actor, type Instant } from '../engine/index.ts';
import type { CaseService } from './case-service.ts';
import { fail, type Result } from './host-result.ts';

/** A note as the API answers it. */
export interface NoteEntry {
  seq: number;
  at: Instant;
  by: string;
  text: string;
}

export interface NoteService {
  add(tenant: string, caseId: string, text: string, actor: Actor): Promise<Result<NoteEntry>>;
}

export function createNoteService(cases: CaseService): NoteService {
  return {
    async add(tenant, caseId, text, actor) {
      const done = await cases.applyStep(tenant, caseId, (kase, now) => recordNote(kase, text, now, actor), actor);
      if ('missing' in done) return fail('case.not_found', `There is no case '${caseId}'.`);
      if ('conflict' in done) return fail('case.conflict', 'The case kept changing while the note was recorded; send it again.');
      const outcome = done.outcome;
      // an empty or over-long text: data.invalid (422), the problem at /text
      if (!outcome.ok) return fail(outcome.code, outcome.message, { problems: outcome.problems });
      const { history } = outcome;
      const noteText = (history.event.data as { text: string }).text;
      return { ok: true, value: { seq: history.seq, at: history.at, by: history.actor, text: noteText } };
    },
  };
}
