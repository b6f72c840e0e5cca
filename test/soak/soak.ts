// `npm run soak` (not in CI): the real server as a child process under a steady request rate for
// minutes, with durable timers and outbox (webhook + notify) traffic, reporting per window the
// request count, errors, p50/p99 latency and the server's RSS, and at the end whether every outbox
// row was delivered. Exit code 1 when there was any error, an undelivered row, or RSS grew by more
// than 25 % between the end of warm-up and the end of the run.
//
//   SOAK_MINUTES=10 SOAK_RATE=40 SOAK_WINDOW_SECONDS=30 npm run soak
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allPages, startChild } from '../reliability/child-server.ts';

const minutes = Number(process.env.SOAK_MINUTES ?? '10');
const rate = Number(process.env.SOAK_RATE ?? '40');
const windowSeconds = Number(process.env.SOAK_WINDOW_SECONDS ?? '30');

interface Window {
  requests: number;
  errors: number;
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function soakType(hook: string): unknown {
  const work = {
    TOUCH: { actions: [{ type: 'set', path: '/touched', value: true }] },
    CLOSE: 'closed',
  };
  return {
    key: 'soak',
    title: 'Soak ticket',
    data: { type: 'object', properties: { n: { type: 'integer' }, touched: { type: 'boolean' } } },
    events: {
      TOUCH: { title: 'Touch', data: { type: 'object', properties: { n: { type: 'integer' } } } },
      CLOSE: { title: 'Close' },
    },
    playbook: {
      initial: 'open',
      states: {
        open: {
          entry: [{ type: 'notify', to: 'customer', template: 'received' }],
          on: work,
          after: [{ id: 'tick', delay: 'PT2S', target: 'ticked' }],
        },
        ticked: { entry: [{ type: 'webhook', url: hook }], on: work },
        closed: { type: 'final' },
      },
    },
  };
}

async function main(): Promise<number> {
  const deliveries = new Map<string, number>();
  const receiver = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      deliveries.set(key, (deliveries.get(key) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const dir = mkdtempSync(join(tmpdir(), 'dossier-soak-'));
  // the receiver is on loopback, which webhooks reach only when allowed
  const server = await startChild(join(dir, 'dossier.db'), { DOSSIER_LOG_LEVEL: 'warn', DOSSIER_WEBHOOK_ALLOW: '127.0.0.1' });
  const put = await server.call('PUT', '/api/case-types/soak/draft', soakType(hook));
  if (put.body.valid !== true) throw new Error(`soak type invalid: ${JSON.stringify(put.body.problems)}`);
  await server.call('POST', '/api/case-types/soak/publish');

  const open: string[] = [];
  const busy = new Set<string>();
  let window: Window = { requests: 0, errors: 0, latencies: [] };
  let totalErrors = 0;
  let totalRequests = 0;
  const errorSamples: string[] = [];
  const rssSeries: number[] = [];
  let n = 0;

  const one = async (): Promise<void> => {
    n += 1;
    const roll = n % 10;
    let method = 'POST';
    let path = '/api/cases';
    let body: unknown = { caseType: 'soak', data: { n } };
    let expected = 201;
    let id: string | undefined;
    const candidates = open.filter((c) => !busy.has(c));
    if (roll >= 3 && candidates.length > 0) {
      id = candidates[n % candidates.length] as string;
      busy.add(id);
      if (roll === 9 && open.length > 50) body = { type: 'CLOSE' };
      else if (roll >= 7) {
        method = 'GET';
        path = `/api/cases/${id}`;
        body = undefined;
      } else body = { type: 'TOUCH', data: { n } };
      if (method === 'POST') path = `/api/cases/${id}/events`;
      expected = 200;
    }
    const started = performance.now();
    let status = 0;
    let answer: unknown;
    try {
      const res = await server.call(method, path, body);
      status = res.status;
      answer = res.body;
    } catch (error) {
      answer = String(error);
    }
    window.latencies.push(performance.now() - started);
    window.requests += 1;
    totalRequests += 1;
    if (id !== undefined) busy.delete(id);
    if (status !== expected) {
      window.errors += 1;
      totalErrors += 1;
      if (errorSamples.length < 10) errorSamples.push(`${method} ${path} → ${status} ${JSON.stringify(answer).slice(0, 300)}`);
      return;
    }
    if (expected === 201) open.push((answer as { id: string }).id);
    if (id !== undefined && (body as { type?: string } | undefined)?.type === 'CLOSE') open.splice(open.indexOf(id), 1);
  };

  const started = Date.now();
  const end = started + minutes * 60_000;
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / rate;
  let nextAt = performance.now();
  let windowEnd = started + windowSeconds * 1000;
  console.log(`soak: ${minutes} min at ${rate} req/s, windows of ${windowSeconds} s; server pid ${String(server.child.pid)}`);
  console.log('t(s)  requests  errors  p50(ms)  p99(ms)  rss(MB)  webhooks  open-cases');
  while (Date.now() < end) {
    const p = one();
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    nextAt += interval;
    const wait = nextAt - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (Date.now() >= windowEnd) {
      const sorted = window.latencies.sort((a, b) => a - b);
      const rss = server.rss() ?? 0;
      rssSeries.push(rss);
      let webhooks = 0;
      for (const count of deliveries.values()) webhooks += count;
      console.log(
        [
          String(Math.round((Date.now() - started) / 1000)).padStart(4),
          String(window.requests).padStart(9),
          String(window.errors).padStart(7),
          percentile(sorted, 50).toFixed(1).padStart(8),
          percentile(sorted, 99).toFixed(1).padStart(8),
          (rss / 1048576).toFixed(1).padStart(8),
          String(webhooks).padStart(9),
          String(open.length).padStart(11),
        ].join(' '),
      );
      window = { requests: 0, errors: 0, latencies: [] };
      windowEnd += windowSeconds * 1000;
    }
  }
  await Promise.all(inFlight);

  // Drain: every outbox row must reach the receiver (webhooks) or be marked delivered (notify).
  // Timers set by the last requests (PT2S) still fire and add rows: let them fall due first.
  await new Promise((r) => setTimeout(r, 3000));
  const drainUntil = Date.now() + 60_000;
  let pending = await allPages(server, '/api/outbox?status=pending');
  while (pending.length > 0 && Date.now() < drainUntil) {
    await new Promise((r) => setTimeout(r, 1000));
    pending = await allPages(server, '/api/outbox?status=pending');
  }
  const rows = await allPages(server, '/api/outbox');
  const webhookRows = rows.filter((r: { effect: { type: string } }) => r.effect.type === 'webhook');
  const undelivered = webhookRows.filter((r: { key: string }) => !deliveries.has(r.key)).length;
  const dead = rows.filter((r: { status: string }) => r.status === 'dead').length;
  const notDelivered = rows.filter((r: { status: string }) => r.status !== 'delivered').length;
  const warm = rssSeries[Math.min(1, rssSeries.length - 1)] ?? 0;
  const last = rssSeries[rssSeries.length - 1] ?? 0;
  const growth = warm === 0 ? 0 : (last - warm) / warm;
  console.log(
    `soak done: ${totalRequests} requests, ${totalErrors} errors; outbox rows ${rows.length} (webhooks ${webhookRows.length}, ` +
      `undelivered webhooks ${undelivered}, not delivered ${notDelivered}, dead ${dead}); ` +
      `RSS ${(warm / 1048576).toFixed(1)} MB after warm-up → ${(last / 1048576).toFixed(1)} MB at the end (${(growth * 100).toFixed(1)} %)`,
  );
  for (const sample of errorSamples) console.log(`  error: ${sample}`);
  await server.kill('SIGTERM');
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
  return totalErrors === 0 && undelivered === 0 && notDelivered === 0 && growth < 0.25 ? 0 : 1;
}

process.exitCode = await main();
