// Request bodies: parsed as JSON and validated against the schemas of request-schemas.ts.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HttpBindings } from '@hono/node-server';
import type { ValidateFunction } from 'ajv';
import { createDataAjv } from '../../schemas/ajv.ts';
import { explainErrors } from '../engine/index.ts';
import { HttpProblem } from './problems.ts';
import { requestSchemas, type RequestSchemaName } from './request-schemas.ts';

const ajv = createDataAjv();
const validators = new Map<RequestSchemaName, ValidateFunction>();

function validator(name: RequestSchemaName): ValidateFunction {
  let fn = validators.get(name);
  if (fn === undefined) {
    fn = ajv.compile(requestSchemas[name]);
    validators.set(name, fn);
  }
  return fn;
}

/** Deepest accepted nesting of objects and arrays in a request body (templates use about 12). */
export const MAX_JSON_DEPTH = 64;

/** True when arrays/objects in `text` nest deeper than `max` (a linear scan that skips strings). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth -= 1;
  }
  return false;
}

/**
 * Hono's bodyLimit (413 through `onError` above `maxSize` bytes), without its cost on Node: bodyLimit reads
 * `c.req.raw.body`, which makes @hono/node-server build a full WHATWG Request (undici, a web stream, an
 * AbortSignal) for every request, GETs included, and read the body through it. On HTTP/1.x the framing
 * headers say all bodyLimit finds out: a Content-Length is compared as bodyLimit compares it, and a request
 * with neither Content-Length nor Transfer-Encoding has no body. Chunked bodies, and requests that do not
 * come from Node's HTTP/1.x server (app.request in the tests), go through bodyLimit itself.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    if (incoming?.httpVersionMajor !== 1 || incoming.headers['transfer-encoding'] !== undefined) return streamed(c, next);
    const length = incoming.headers['content-length'];
    // GET and HEAD requests carry no body for Hono (bodyLimit lets them through whatever their Content-Length)
    if (length === undefined || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return parseInt(length || '0', 10) > maxSize ? onError(c) : next();
  };
}

/** True for `application/json` and `application/<anything>+json` (parameters such as charset aside). */
export function isJsonMediaType(contentType: string): boolean {
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * Parses the body as JSON: 415 for a Content-Type that is not JSON (none at all is read as JSON, as
 * scripts often send), 400 if it is not JSON or nests deeper than MAX_JSON_DEPTH.
 */
export async function readJson(c: Context): Promise<unknown> {
  const contentType = c.req.header('content-type');
  if (contentType !== undefined && !isJsonMediaType(contentType)) {
    throw new HttpProblem(
      'request.unsupported_media_type',
      `The body must be JSON (Content-Type: application/json); got '${contentType.slice(0, 100)}'.`,
    );
  }
  const text = await c.req.text();
  if (text.trim() === '') throw new HttpProblem('request.malformed_json', 'The request needs a JSON body.');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new HttpProblem('request.too_deep', `The body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep; flatten it.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpProblem('request.malformed_json', `The body is not valid JSON: ${(error as Error).message}.`);
  }
}

/** Parses and validates the body; 400 `request.invalid` naming each wrong field. */
export async function readBody<T>(c: Context, name: RequestSchemaName): Promise<T> {
  const body = await readJson(c);
  const validate = validator(name);
  if (!validate(body)) {
    const problems = explainErrors(validate.errors, { patterns: 'show' });
    validate.errors = null; // verbose errors hold the body: the long-lived validator does not keep it
    throw new HttpProblem('request.invalid', `The ${name} body is not valid: ${problems.map((p) => p.message).join('; ')}.`, { problems });
  }
  return body as T;
}
