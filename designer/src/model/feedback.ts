// Editing a case type's customer feedback (docs/feedback.md) as pure changes of the definition: asking or
// not, the question, the scale and its ends, the comment box, how long the link stays valid (in days) and
// the message that mails the link. The settings panel (editor/messages/FeedbackSettings.tsx) calls them.
import type { CaseType } from '../../../schemas/generated/case-type.ts';

type Feedback = NonNullable<CaseType['feedback']>;

/** Asks for feedback with `question` on a 1–5 scale, mailed with the first message that holds the link; or stops asking. */
export function setFeedbackAsked(def: CaseType, asked: boolean, question: string): CaseType {
  if (!asked) {
    const { feedback: _gone, ...rest } = def;
    return rest as CaseType;
  }
  if (def.feedback !== undefined) return def;
  const withLink = Object.entries(def.messages ?? {}).find(([, m]) => JSON.stringify(m?.body ?? '').includes('{{survey}}'))?.[0];
  return { ...def, feedback: { question, scale: { min: 1, max: 5 }, validFor: 'P14D', ...(withLink === undefined ? {} : { message: withLink }) } };
}

function change(def: CaseType, fn: (f: Feedback) => Feedback): CaseType {
  return def.feedback === undefined ? def : { ...def, feedback: fn(structuredClone(def.feedback)) };
}

export function setFeedbackQuestion(def: CaseType, question: string): CaseType {
  return change(def, (f) => ({ ...f, question }));
}

/** The lowest or highest score (a whole number 0–10; anything else leaves it as it was). */
export function setFeedbackScore(def: CaseType, end: 'min' | 'max', value: number): CaseType {
  if (!Number.isInteger(value) || value < 0 || value > 10) return def;
  return change(def, (f) => ({ ...f, scale: { ...f.scale, [end]: value } }));
}

/** What the lowest (`low`) or highest (`high`) score means; empty: no label. */
export function setFeedbackEndLabel(def: CaseType, end: 'low' | 'high', label: string): CaseType {
  return change(def, (f) => {
    const scale = { ...f.scale };
    if (label.trim() === '') delete scale[end];
    else scale[end] = { label };
    return { ...f, scale };
  });
}

/** The question above the comment box; empty: no comment box. */
export function setFeedbackComment(def: CaseType, label: string): CaseType {
  return change(def, (f) => {
    const next = { ...f };
    if (label.trim() === '') delete next.comment;
    else next.comment = { label };
    return next;
  });
}

/** The link's validity in whole days (1 or more). */
export function setFeedbackDays(def: CaseType, days: number): CaseType {
  if (!Number.isInteger(days) || days < 1) return def;
  return change(def, (f) => ({ ...f, validFor: `P${String(days)}D` }));
}

/** The days of `validFor` when it is whole days (P14D, P2W); null otherwise (then edited in the JSON view). */
export function feedbackDays(feedback: Feedback): number | null {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?$/.exec(feedback.validFor ?? 'P14D');
  if (m === null || (m[1] === undefined && m[2] === undefined)) return null;
  return Number(m[1] ?? 0) * 7 + Number(m[2] ?? 0);
}

/** The message that mails the link; '' for none (the survey only on the status page). */
export function setFeedbackMessage(def: CaseType, message: string): CaseType {
  return change(def, (f) => {
    const next = { ...f };
    if (message === '') delete next.message;
    else next.message = message;
    return next;
  });
}
