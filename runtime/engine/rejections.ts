// The engine's rejections: one table of codes and the sentences a person reads.
import type { FieldProblem, Rejection, RejectionCode, StateValue } from './types.ts';
import { activeStateIds } from './playbook-index.ts';

function list(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

export function describeState(value: StateValue): string {
  return activeStateIds(value).join(' > ');
}

export const rejectionMessages = {
  unknownEvent: (event: string, caseType: string, known: readonly string[]) =>
    `Case type "${caseType}" has no event "${event}". ` +
    (known.length > 0 ? `Send one of ${list(known)}.` : 'It defines no events.'),
  forbidden: (event: string, roles: readonly string[]) =>
    roles.length > 0
      ? `"${event}" may be sent only by ${list(roles)} (or an admin); ask someone with one of these roles.`
      : `"${event}" is a system event: only the runtime (or an admin) may send it.`,
  payloadInvalid: (event: string) => `The data sent with "${event}" is not valid: fix the fields listed.`,
  noPayload: (event: string) => `"${event}" carries no data: send it without data.`,
  dataInvalid: (event: string) => `With the data of "${event}" merged in, the case data would not be valid: fix the fields listed.`,
  creationInvalid: (caseType: string) => `The data of the new "${caseType}" case is not valid: fix the fields listed.`,
  closed: (event: string) => `The case is closed: "${event}" cannot be sent any more.`,
  notAccepted: (event: string, state: StateValue) => `"${event}" cannot be sent while the case is in ${describeState(state)}.`,
  ruleFailed: (event: string, rules: readonly string[]) =>
    rules.length > 0
      ? `"${event}" is blocked: ${rules.length === 1 ? 'rule' : 'rules'} ${list(rules)} not met. Complete the fields listed and send it again.`
      : `"${event}" is blocked in the current state: its condition on the case's states does not hold.`,
  noTimer: (timer: string) => `The case has no pending timer "${timer}".`,
  timerNotDue: (timer: string, dueAt: string, now: string) => `Timer "${timer}" is due at ${dueAt}, not yet at ${now}: fire it when it falls due.`,
};

export function reject(code: RejectionCode, message: string, problems: FieldProblem[] = [], rules?: string[]): Rejection {
  return rules === undefined ? { ok: false, code, message, problems } : { ok: false, code, message, problems, rules };
}
