// One CRM look-up call (docs/lookups.md): the URL with the query values, a GET or a JSON POST through the
// webhook client (the same address policy, a time limit, a limit on the answer's size), and its outcome
// in plain words: the JSON answer, or why there is none and whether trying again could help.
import type { Effect, JsonValue } from '../engine/index.ts';
import { AnswerTooLarge, type WebhookClient } from './webhook-client.ts';

export type LookupEffect = Extract<Effect, { type: 'lookup' }>;

export type LookupCallOutcome = { ok: true; answer: JsonValue } | { ok: false; reason: string; transient: boolean };

/** The lookup's URL with its query values added (text as is, numbers and booleans as JSON, objects as JSON). */
export function lookupUrl(effect: Pick<LookupEffect, 'url' | 'query'>): string {
  const url = new URL(effect.url);
  for (const [name, value] of Object.entries(effect.query)) {
    url.searchParams.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return url.toString();
}

/** Statuses another try may cure: the CRM timed out, was busy or failed inside. */
function transientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export async function callLookup(client: WebhookClient, effect: LookupEffect, options: { timeoutMs: number; answerLimit: number }): Promise<LookupCallOutcome> {
  const url = lookupUrl(effect);
  let outcome;
  try {
    outcome = await client({
      url,
      method: effect.method,
      headers: {
        accept: 'application/json',
        'idempotency-key': effect.key,
        'user-agent': 'dossier',
        ...(effect.body === null ? {} : { 'content-type': 'application/json' }),
      },
      body: effect.body === null ? '' : JSON.stringify(effect.body),
      timeoutMs: Math.min(effect.timeoutMs, options.timeoutMs),
      answerLimit: options.answerLimit,
      kind: 'lookup',
    });
  } catch (error) {
    if (error instanceof AnswerTooLarge) return { ok: false, reason: `${effect.url} answered with more than ${options.answerLimit} bytes`, transient: false };
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const seconds = Math.max(1, Math.round(Math.min(effect.timeoutMs, options.timeoutMs) / 1000));
    const detail = timedOut ? `no answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `${effect.url} could not be reached: ${detail}`, transient: true };
  }
  if ('refused' in outcome) return { ok: false, reason: outcome.refused, transient: false };
  if (outcome.status < 200 || outcome.status >= 300) {
    return { ok: false, reason: `${effect.url} answered HTTP ${outcome.status}`, transient: transientStatus(outcome.status) };
  }
  try {
    return { ok: true, answer: JSON.parse(outcome.answer ?? '') as JsonValue };
  } catch {
    return { ok: false, reason: `${effect.url} answered with something other than JSON`, transient: false };
  }
}
