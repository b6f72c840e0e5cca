// A rule on the preview's sample data, answered by the engine in its words (as a checklist or a blocked
// event says it); a schema that does not compile yet is a problem of its own, not a crash.
import { checkSchema } from '../../../runtime/engine/index.ts';
import type { JsonValue } from '../../../runtime/engine/index.ts';
import { problemSentence } from '../form/field-errors.ts';
import { ENGLISH, type Words } from '../i18n/words.ts';

export interface RuleOnSample {
  pass: boolean;
  problems: string[];
}

/** With `label` (pointer → the field's label), each problem reads "Claim › Amount must be ≥ 10" or "Severity is needed" for a person; without it, the engine's own words. */
export function ruleOnSample(schema: unknown, sample: Record<string, unknown>, label?: (pointer: string) => string, words: Words = ENGLISH): RuleOnSample {
  const check = checkSchema(schema, sample as JsonValue);
  if (!check.ok) return { pass: false, problems: [words.t('model.ruleOnSample.invalid', { error: check.error })] };
  return {
    pass: check.problems.length === 0,
    problems: check.problems.map((p) => (label === undefined ? p.message : problemSentence(p, label, words))),
  };
}
