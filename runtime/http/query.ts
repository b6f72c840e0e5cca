// Query parameters and headers shared by the routes: page size, cursor, filters, If-Match, Idempotency-Key.
import type { Context } from 'hono';
import { timeWindow, type TimeWindow } from '../store/time-window.ts';
import { HttpProblem } from './problems.ts';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function pageParams(c: Context): { limit: number; cursor: string | null } {
  const raw = c.req.query('limit');
  let limit = DEFAULT_LIMIT;
  if (raw !== undefined) {
    limit = Number(raw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new HttpProblem('request.invalid', `limit must be a whole number from 1 to ${MAX_LIMIT}; got '${raw}'.`, {
        problems: [{ pointer: '/limit', message: `must be a whole number from 1 to ${MAX_LIMIT}` }],
      });
    }
  }
  const cursor = c.req.query('cursor');
  return { limit, cursor: cursor === undefined || cursor === '' ? null : cursor };
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; `*` or no header → undefined. */
export function ifMatch(c: Context): number | undefined {
  const raw = c.req.header('if-match');
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(raw);
  if (match === null) {
    throw new HttpProblem('request.invalid', `If-Match must be a case revision such as "3" (as sent in ETag); got '${raw}'.`);
  }
  return Number(match[1]);
}

export function idempotencyKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (key.length < 1 || key.length > 255) throw new HttpProblem('request.invalid', 'Idempotency-Key must be 1 to 255 characters.');
  return key;
}

export function etag(revision: number): string {
  return `"${revision}"`;
}

/** An optional query value that must be one of `allowed` (absent or blank: undefined); else 400 naming them. */
export function oneOf<V extends string>(c: Context, name: string, allowed: readonly V[]): V | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as V;
  const choices = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
  throw new HttpProblem('request.invalid', `${name} must be ${choices}; got '${value}'.`, {
    problems: [{ pointer: `/${name}`, message: `must be ${choices}` }],
  });
}

/** Optional string filters, only those present. */
export function filters<K extends string>(c: Context, names: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = c.req.query(name);
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

/** The `from` (inclusive) and `to` (exclusive) instants of the query, in the store's form; 400 naming the parameter at fault. */
export function windowParams(c: Context): TimeWindow {
  const window = timeWindow(c.req.query('from'), c.req.query('to'));
  if (!window.ok) {
    throw new HttpProblem('request.invalid', `${window.name} ${window.problem}; got '${window.got}'.`, {
      problems: [{ pointer: `/${window.name}`, message: window.problem }],
    });
  }
  return window.window;
}
