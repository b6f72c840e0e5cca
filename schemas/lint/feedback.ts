// Customer feedback (docs/feedback.md): a scale the customer can choose on (min below max), a way for the
// survey to reach the customer (a message that e-mails the link, or the public status page), and that
// message one that exists, holds the link ({{survey}}) and has an address to go to (customer.email).
import { placeholdersIn, textVariants, type MessageText } from '../message-text.ts';
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asObject, asString, didYouMean, isObject } from './util.ts';

export function lintFeedback(model: Model): Problem[] {
  const feedback = model.def.feedback;
  if (!isObject(feedback)) return [];
  const problems: Problem[] = [];
  const scale = asObject(feedback.scale);
  const { min, max } = scale;
  if (typeof min === 'number' && typeof max === 'number' && min >= max) {
    problems.push(createProblem('feedback.scale_empty', '/feedback/scale/max', { min: String(min), max: String(max) }));
  }
  const message = asString(feedback.message);
  if (message === undefined) {
    if (model.def.public === undefined) problems.push(createProblem('feedback.unreachable', '/feedback', {}));
    return problems;
  }
  const messages = asObject(model.def.messages);
  if (!Object.hasOwn(messages, message)) {
    const names = Object.keys(messages);
    problems.push(createProblem('feedback.unknown_message', '/feedback/message', { name: message, hint: names.length === 0 ? '' : didYouMean(message, names) }));
  } else {
    const body = asObject(messages[message]).body;
    const variants = typeof body === 'string' || isObject(body) ? textVariants(body as MessageText) : [];
    if (variants.length > 0 && variants.some((v) => !placeholdersIn(v.text).some((p) => p.name === 'survey'))) {
      problems.push(createProblem('feedback.no_link', '/feedback/message', { name: message, placeholder: '{{ survey }}' }));
    }
  }
  if (typeof asObject(model.def.customer).email !== 'string') {
    problems.push(createProblem('feedback.customer_without_email', '/feedback/message', {}));
  }
  return problems;
}
