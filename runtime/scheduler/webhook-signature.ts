// Webhook signatures, the Standard Webhooks scheme (docs/email.md, "Webhook signatures"): every webhook
// carries `webhook-id` (its outbox key, the same on every retry), `webhook-timestamp` (seconds since
// the epoch, when this attempt was sent) and `webhook-signature: v1,<base64 HMAC-SHA256 of
// "id.timestamp.body">`, keyed with the secret's bytes (`whsec_<base64>`). A receiver recomputes it
// with the secret, compares in constant time and refuses timestamps far from its clock.
import { createHmac, randomBytes } from 'node:crypto';

const SECRET = /^whsec_([A-Za-z0-9+/]{32,}={0,2})$/;

/** A new secret: whsec_ and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Null when `secret` is a usable signing secret, else what is wrong with it. */
export function webhookSecretProblem(secret: string): string | null {
  const match = SECRET.exec(secret);
  if (match === null) return 'a webhook secret is whsec_ followed by at least 24 bytes in base64 (leave it out to have one generated per tenant)';
  return Buffer.from(match[1] as string, 'base64').length < 24 ? 'a webhook secret needs at least 24 bytes after whsec_' : null;
}

/** The signature header's value for one delivery. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three headers of a signed delivery. */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': webhookSignature(secret, id, timestamp, body) };
}
