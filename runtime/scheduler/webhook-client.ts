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
}

/** The receiver's status, or why the call was refused without connecting (retrying cannot help). */
export type WebhookOutcome = { status: number } | { refused: string };

export type WebhookClient = (request: WebhookRequest) => Promise<WebhookOutcome>;

const systemResolve: ResolveHost = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  const resolveHost = options.resolveHost ?? systemResolve;
  return async (request) => {
    const url = httpUrl(request.url);
    if (url === null) return { refused: `webhook to ${request.url} refused: only http: and https: URLs are delivered` };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const signal = AbortSignal.timeout(Math.min(options.timeoutMs, request.timeoutMs ?? Infinity));
    const addresses = await untilAborted(resolveHost(host), signal);
    const first = addresses[0];
    if (first === undefined) throw new Error(`${host} resolved to no address`);
    const refusal = webhookRefusal(host, addresses.map((a) => a.address), options.allow);
    if (refusal !== null) return { refused: refusal };
    return { status: await send(url, request, pinnedLookup(first, addresses), signal) };
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

/** Sends the request and reads the answer to its end (so the connection can be reused); the status. */
function send(url: URL, request: WebhookRequest, lookup: LookupFunction, signal: AbortSignal): Promise<number> {
  const headers = { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requestFn(url, { method: request.method, headers, lookup, signal }, (res: IncomingMessage) => {
      res.once('error', reject);
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.resume();
    });
    req.once('error', reject);
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
