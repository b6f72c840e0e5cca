// Message templates (docs/email.md): placeholders that name no field of the data and no built-in (an
// error: the mail would go out with a hole). A case type with `messages` sends e-mail, so there also a
// notify to the customer without customer.email is an error (no address to send to), and a notify to a
// person (customer, assignee, user:) that names no message is a warning (it is recorded on the case,
// but cannot be mailed). A case type without `messages` only records its notices on the case, as do
// notices to role: and queue: (nobody's address).
import { isBuiltin, MESSAGE_BUILTINS, placeholdersIn, textVariants, type MessageText } from '../message-text.ts';
import { createProblem, type Problem } from '../problems.ts';
import { listFieldPointers, resolveField } from './data-index.ts';
import type { Model } from './model.ts';
import { asObject, asString, didYouMean, isObject, listNames, ptr } from './util.ts';

export function lintMessages(model: Model): Problem[] {
  const problems: Problem[] = [];
  const messages = asObject(model.def.messages);
  const names = Object.keys(messages);
  const data = model.def.data;
  const customer = asObject(model.def.customer);
  const hasEmail = typeof customer.email === 'string';
  let fields: string[] | undefined;

  for (const [name, message] of Object.entries(messages)) {
    for (const part of ['subject', 'body'] as const) {
      const text = asObject(message)[part];
      if (typeof text !== 'string' && !isObject(text)) continue;
      for (const { language, text: variant } of textVariants(text as MessageText)) {
        if (typeof variant !== 'string') continue;
        const at = language === '' ? ptr('/messages', name, part) : ptr('/messages', name, part, language);
        for (const placeholder of placeholdersIn(variant)) {
          if (isBuiltin(placeholder.name)) {
            // {{survey}} is the survey link, not a data field named survey ({{/survey}}), which it would hide
            if (placeholder.name === 'survey' && resolveField(data, '/survey') !== undefined) {
              problems.push(createProblem('message.survey_not_field', at, { placeholder: 'survey', field: '/survey' }));
            }
            continue;
          }
          if (placeholder.name.startsWith('/')) {
            if (resolveField(data, placeholder.name) !== undefined) continue;
            fields ??= listFieldPointers(data);
            problems.push(
              createProblem('message.unknown_placeholder', at, {
                placeholder: placeholder.name,
                hint: didYouMean(placeholder.name, fields),
              }),
            );
          } else {
            problems.push(
              createProblem('message.unknown_placeholder', at, {
                placeholder: placeholder.name,
                hint: `${didYouMean(placeholder.name, MESSAGE_BUILTINS)}; name a field by its pointer, such as /customer/name, or the case by ${listNames([...MESSAGE_BUILTINS])}`,
              }),
            );
          }
        }
      }
    }
  }

  if (model.def.messages === undefined) return problems;
  for (const { action, pointer } of model.actions) {
    if (action.type !== 'notify') continue;
    const template = asString(action.template);
    const to = asString(action.to) ?? '';
    const mailed = to === 'customer' || to === 'assignee' || to.startsWith('user:');
    if (mailed && template !== undefined && !Object.hasOwn(messages, template)) {
      problems.push(
        createProblem('message.unknown_template', ptr(pointer, 'template'), {
          name: template,
          hint: names.length === 0 ? '' : didYouMean(template, names),
        }),
      );
    }
    if (action.to === 'customer' && !hasEmail) {
      problems.push(createProblem('message.customer_without_email', ptr(pointer, 'to'), {}));
    }
  }
  return problems;
}

