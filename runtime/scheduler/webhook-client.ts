// Sends one webhook over node:http(s), only to addresses the policy accepted (address-policy.ts). The
// host is resolved once, every address it resolves to is checked, and the socket is opened to exactly
// those addresses: the request's `lookup` answers from the checked list instead of asking DNS again,
// so an answer that changes between the check and the connect (DNS rebinding) cannot redirect it. TLS
// still verifies the certificate against the host name. Redirects are not followed (a 3xx is a failed
// delivery), since a redirect could point anywhere.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { webhookRefusal, type WebhookAllow } from './address-policy.ts';

/** Every address a host name resolves to (node:dns lookup with all: true); replaceable in tests. */
export type ResolveHost = (host: string) => Promise<LookupAddress[]>;

export interface WebhookClientOptions {
  allow: WebhookAllow;
  /** For the whole call: resolving, connecting, sending, reading the answer. */
  timeoutMs: number;
  resolveHost?: ResolveHost;
}

export interface WebhookRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Shorter than the client's timeout for this call (the time left of a claim's lease). */
  timeoutMs?: number;
  /** Keep the answer's body, up to this many bytes (a longer one fails the call); by default it is read and dropped. */
  answerLimit?: number;
  /** What the call is, in refusals ("webhook", "lookup"); default "webhook". */
  kind?: string;
}

/**
 * The receiver's status (and, when `answerLimit` asked for it, its answer), or why the call was
 * refused without connecting (retrying cannot help).
 */
export type WebhookOutcome = { status: number; contentType?: string; answer?: string } | { refused: string };

/** The answer was longer than the call's `answerLimit`. */
export class AnswerTooLarge extends Error {}

export type WebhookClient = (request: WebhookRequest) => Promise<WebhookOutcome>;

const systemResolve: ResolveHost = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const resolveHost = options.resolveHost ?? systemResolve;
  return async (request) => {
    const url = httpUrl(request.url);
    const kind = request.kind ?? 'webhook';
    if (url === null) return { refused: `${kind} to ${request.url} refused: only http: and https: URLs are delivered` };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const signal = AbortSignal.timeout(Math.min(options.timeoutMs, request.timeoutMs ?? Infinity));
    const addresses = await untilAborted(resolveHost(host), signal);
    const first = addresses[0];
    if (first === undefined) throw new Error(`${host} resolved to no address`);
    const refusal = webhookRefusal(host, addresses.map((a) => a.address), options.allow, kind);
    if (refusal !== null) return { refused: refusal };
    return send(url, request, pinnedLookup(first, addresses), signal);
  };
}

function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Answers the socket's lookup with the checked addresses only (all of them when it asks for all). */
function pinnedLookup(first: LookupAddress, addresses: LookupAddress[]): LookupFunction {
  return (_host, lookupOptions, callback) => {
    if (lookupOptions.all === true) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

/** Sends the request and reads the answer to its end (so the connection can be reused); the status, and the answer when asked. */
function send(url: URL, request: WebhookRequest, lookup: LookupFunction, signal: AbortSignal): Promise<{ status: number; contentType?: string; answer?: string }> {
  const headers = { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const limit = request.answerLimit;
  return new Promise((resolve, reject) => {
    const req = requestFn(url, { method: request.method, headers, lookup, signal }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      res.on('error', reject);
      if (limit === undefined) {
        res.once('end', () => resolve({ status }));
        res.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          // settle first: destroying the request makes the answer end with an error of its own
          reject(new AnswerTooLarge(`the answer is larger than ${limit} bytes`));
          res.removeAllListeners('data');
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      const contentType = res.headers['content-type'];
      res.once('end', () => resolve({ status, ...(contentType === undefined ? {} : { contentType }), answer: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

/** DNS lookups take no signal: stop waiting for one when the call's time is up. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}
