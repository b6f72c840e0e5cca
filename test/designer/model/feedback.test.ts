import { describe, expect, it } from 'vitest';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { validateCaseType } from '../../../schemas/validate.ts';
import { feedbackDays, setFeedbackAsked, setFeedbackComment, setFeedbackDays, setFeedbackEndLabel, setFeedbackMessage, setFeedbackQuestion, setFeedbackScore } from '../../../designer/src/model/feedback.ts';
import { feedbackType } from '../../feedback-case-type.ts';

const { feedback: _feedback, ...withoutFeedback } = feedbackType;
const base = withoutFeedback as unknown as CaseType;

describe('editing customer feedback', () => {
  it('asks with a 1–5 scale mailed by the message that holds the link, and stops asking', () => {
    const asked = setFeedbackAsked(base, true, 'How did we do?');
    expect(asked.feedback).toEqual({ question: 'How did we do?', scale: { min: 1, max: 5 }, validFor: 'P14D', message: 'survey' });
    expect(validateCaseType(asked).filter((p) => p.severity === 'error')).toEqual([]);
    expect(setFeedbackAsked(asked, false, '').feedback).toBeUndefined();
  });

  it('sets the question, the scale, its ends, the comment box, the days and the message', () => {
    let def = setFeedbackAsked(base, true, 'How did we do?');
    def = setFeedbackQuestion(def, 'Happy?');
    def = setFeedbackScore(def, 'min', 0);
    def = setFeedbackScore(def, 'max', 10);
    def = setFeedbackScore(def, 'max', 11); // refused: past 10
    def = setFeedbackEndLabel(def, 'low', 'Not at all');
    def = setFeedbackEndLabel(def, 'high', 'Very');
    def = setFeedbackComment(def, 'Why?');
    def = setFeedbackDays(def, 7);
    expect(def.feedback).toEqual({ question: 'Happy?', scale: { min: 0, max: 10, low: { label: 'Not at all' }, high: { label: 'Very' } }, comment: { label: 'Why?' }, validFor: 'P7D', message: 'survey' });
    expect(feedbackDays(def.feedback!)).toBe(7);
    def = setFeedbackEndLabel(setFeedbackComment(setFeedbackMessage(def, ''), ''), 'low', '');
    expect(def.feedback).toEqual({ question: 'Happy?', scale: { min: 0, max: 10, high: { label: 'Very' } }, validFor: 'P7D' });
    // with neither a message nor a public status page the survey reaches nobody: the checks say so
    const { public: _public, ...unreachable } = def;
    expect(validateCaseType(unreachable).map((p) => p.code)).toContain('feedback.unreachable');
    expect(feedbackDays({ ...def.feedback!, validFor: 'PT12H' })).toBeNull();
    expect(feedbackDays({ ...def.feedback!, validFor: 'P2W' })).toBe(14);
  });
});
