// The channels a case can come in by (docs/api-decisions.md "Channel on every case"): recorded by the path
// that opened the case and fixed for its life.

export const CHANNELS = ['email', 'web', 'phone', 'letter', 'chat', 'api'] as const;

export type Channel = (typeof CHANNELS)[number];

/** The channel of a case opened without one (through the API, or by the playbook as a child case). */
export const DEFAULT_CHANNEL: Channel = 'api';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
