// Chat on a case (issue 20, item 6): a message from the customer (the status page) or from an agent (the
// worker console) is a history entry `chat.customer` / `chat.agent` with its text, run through the
// playbook like any event, so a transition or an SLA condition may react to it (a customer's message
// answering a question, as a reply by e-mail does); an event nothing handles changes nothing else.
// Refused, changing nothing, on a closed case or an empty or over-long message.
import type { CompiledCaseType } from './compile.ts';
import { finishStep } from './finish-step.ts';
import { sendEvent } from './machine-step.ts';
import { reject, rejectionMessages } from './rejections.ts';
import { scratchOf } from './actions.ts';
import type { Actor, Case, Instant, Outcome } from './types.ts';

export const CHAT_CUSTOMER = 'chat.customer';
export const CHAT_AGENT = 'chat.agent';
/** The longest chat message, in characters. */
export const MAX_CHAT_TEXT = 4000;

export interface ChatMessage {
  from: 'customer' | 'agent';
  text: string;
}

export function recordChat(type: CompiledCaseType, kase: Case, message: ChatMessage, now: Instant, actor?: Actor): Outcome {
  const eventType = message.from === 'customer' ? CHAT_CUSTOMER : CHAT_AGENT;
  if (kase.closedAt !== null) return reject('event.not_accepted', rejectionMessages.closed(eventType));
  const text = message.text.trim();
  if (text === '' || text.length > MAX_CHAT_TEXT) {
    return reject('data.invalid', `A chat message is 1 to ${String(MAX_CHAT_TEXT)} characters; this one has ${String(text.length)}.`, [
      { pointer: '/text', message: `/text must be 1 to ${String(MAX_CHAT_TEXT)} characters` },
    ]);
  }
  const env = { caseId: kase.id, now, revision: kase.revision + 1 };
  const step = sendEvent(type, kase.state, scratchOf(kase, kase.data), env, eventType);
  return finishStep(type, {
    before: kase,
    base: kase,
    step,
    env,
    event: { type: eventType, data: { text } },
    actor: actor?.id ?? (message.from === 'customer' ? 'customer' : 'system'),
    ...(actor?.partner === undefined ? {} : { partner: actor.partner }),
    slas: kase.slas,
  });
}
