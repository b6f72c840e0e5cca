// Customer feedback (issue 22, docs/feedback.md): the customer's answer to the survey a case type sends
// when a case closes, kept as the history entry `feedback.received` with the score and the comment, by
// `customer`. Like a note it is not a playbook event: it goes to no machine and changes no data, task,
// SLA or timer, only the revision and `updatedAt`; a closed case takes it. Refused, changing nothing, for
// a score off the case type's scale or an over-long comment. Pure.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { escapePointerToken } from './json-pointer.ts';
import { reject } from './rejections.ts';
import type { Case, CaseData, FieldProblem, Instant, Outcome } from './types.ts';

export const FEEDBACK_RECEIVED = 'feedback.received';
/** The longest comment, in characters. */
export const MAX_FEEDBACK_COMMENT = 2000;
/** How long a survey link stays valid where the case type does not say. */
export const DEFAULT_FEEDBACK_VALID_FOR = 'P14D';

/** The outbox key of the survey mail of a case (one per case, ever: the outbox keeps a key once). */
export function surveyKey(caseId: string): string {
  return `${caseId}:feedback`;
}

export interface FeedbackAnswer {
  score: number;
  /** Trimmed; absent when the customer wrote none. */
  comment?: string;
}

/** The scale of a case type's feedback (lowest and highest score). */
export function feedbackScale(feedback: NonNullable<CaseType['feedback']>): { min: number; max: number } {
  return { min: feedback.scale.min, max: feedback.scale.max };
}

/** The answer in a posted body (`{ score, comment? }`), or the problems with it, each at its pointer. */
export function readFeedbackAnswer(feedback: NonNullable<CaseType['feedback']>, body: unknown): { ok: true; answer: FeedbackAnswer } | { ok: false; problems: FieldProblem[] } {
  const { min, max } = feedbackScale(feedback);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [{ pointer: '', message: 'an answer is a JSON object {"score", "comment"}' }] };
  }
  const record = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    if (key === 'score' || key === 'comment') continue;
    const pointer = `/${escapePointerToken(key)}`;
    problems.push({ pointer, message: `${pointer} is not part of an answer: send only score and comment` });
  }
  const score = record.score;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < min || score > max) {
    problems.push({ pointer: '/score', message: `/score must be a whole number from ${String(min)} to ${String(max)}` });
  }
  let comment: string | undefined;
  if (record.comment !== undefined && record.comment !== null) {
    if (typeof record.comment !== 'string') problems.push({ pointer: '/comment', message: '/comment must be text' });
    else if (feedback.comment === undefined && record.comment.trim() !== '') problems.push({ pointer: '/comment', message: '/comment is not asked for by this survey' });
    else if (record.comment.trim().length > MAX_FEEDBACK_COMMENT) problems.push({ pointer: '/comment', message: `/comment must be at most ${String(MAX_FEEDBACK_COMMENT)} characters` });
    else if (record.comment.trim() !== '') comment = record.comment.trim();
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, answer: comment === undefined ? { score: score as number } : { score: score as number, comment } };
}

/** Records the customer's answer on the case: the entry `feedback.received` by `customer`, nothing else changed. */
export function recordFeedback(feedback: NonNullable<CaseType['feedback']>, kase: Case, body: unknown, now: Instant): Outcome {
  const read = readFeedbackAnswer(feedback, body);
  if (!read.ok) return reject('data.invalid', 'The answer is not one this survey takes; see each part.', read.problems);
  const revision = kase.revision + 1;
  const data: CaseData = read.answer.comment === undefined ? { score: read.answer.score } : { score: read.answer.score, comment: read.answer.comment };
  return {
    ok: true,
    case: { ...kase, updatedAt: now, revision },
    effects: [],
    history: {
      seq: revision,
      at: now,
      actor: 'customer',
      event: { type: FEEDBACK_RECEIVED, data },
      from: kase.state,
      to: kase.state,
      patch: [],
      notes: [],
    },
  };
}
