// What both stores' process maps share (docs/reports.md, Process map): the history entries that are no step of
// the process, and the cursor of one edge's cases.
import { CursorError, decodeCursor } from './cursor.ts';

/** History entries that are no playbook event: recorded beside the machine (a note, the customer's survey
 * answer, a link made or undone, an event a linked case did not take), often on a closed case days later. They
 * are no step of the process: no row in \`transitions\`, and no "previous entry" for the next row's time. */
export const SIDE_ENTRIES = ['note.added', 'feedback.received', 'child.linked', 'child.unlinked', 'parent.linked', 'parent.unlinked', 'linked.undelivered'] as const;

/** SIDE_ENTRIES as an SQL list (constants: no parameters in a trigger). */
export const sideEntriesSql = SIDE_ENTRIES.map((e) => `'${e}'`).join(', ');

/** A cursor of processMapCases: [at, caseId, seq], strings without U+0000 and a safe integer, else CursorError (400). */
export function processMapCursor(cursor: string): [at: string, caseId: string, seq: number] {
  const [at, caseId, seq] = decodeCursor(cursor, 3);
  const text = (v: unknown): v is string => typeof v === 'string' && !v.includes('\u0000');
  if (!text(at) || !text(caseId) || typeof seq !== 'number' || !Number.isSafeInteger(seq)) throw new CursorError();
  return [at, caseId, seq];
}
