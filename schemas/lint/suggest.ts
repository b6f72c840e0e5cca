// Lint of the contact-reason suggestion (issue 21, docs/reason-suggestion.md): the suggested field is a
// choice field of the data, the fields it reads are text fields, and reading the first e-mail needs mail intake.
import { createProblem, type Problem } from '../problems.ts';
import { resolveField } from './data-index.ts';
import { fieldHint } from './fields.ts';
import type { Model } from './model.ts';
import { asArray, asObject, isObject, ptr } from './util.ts';

export function lintSuggest(model: Model): Problem[] {
  const problems: Problem[] = [];
  const suggest = model.def.suggest;
  if (!isObject(suggest)) return problems;
  const data = model.def.data;
  const resolve = (value: unknown, at: string, what: string) => {
    if (typeof value !== 'string' || !value.startsWith('/')) return undefined;
    const resolved = resolveField(data, value);
    if (resolved === undefined) problems.push(createProblem('field.unknown', at, { what, field: value, hint: fieldHint(data, value) }));
    return resolved?.schema;
  };
  const field = resolve(suggest.field, '/suggest/field', 'suggested field');
  if (field !== undefined) {
    const values = asArray(field.enum);
    if (field.type !== 'string' || values.length === 0 || !values.every((v) => typeof v === 'string')) {
      problems.push(createProblem('suggest.not_choice', '/suggest/field', { field: String(suggest.field) }));
    }
  }
  asArray(suggest.from).forEach((source, i) => {
    const schema = resolve(source, ptr('/suggest/from', i), 'suggestion text field');
    if (schema !== undefined && schema.type !== 'string') problems.push(createProblem('suggest.not_text', ptr('/suggest/from', i), { field: String(source) }));
  });
  const email = asObject(model.def.email);
  if (suggest.email === true && typeof email.subject !== 'string' && typeof email.body !== 'string') {
    problems.push(createProblem('suggest.email_without_intake', '/suggest/email'));
  }
  return problems;
}
