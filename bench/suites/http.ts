// HTTP: POST /api/cases/:id/events at 64 connections (autocannon in a second process, the server in
// a third, loopback) against GET /api/health of the same server in the same round.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadComplaintFlow, loopEvents, triageEvent } from '../lib/complaint-flow.ts';
import { childPath, runChild, spawnTs, stopChild, waitForLine } from '../lib/child.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { processCpuMs } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

export const CONNECTIONS = 64;
export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface LoadResult {
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Events mode: the position after the last case asked. */
  next: number;
  /** Events mode: cases asked without a reply answered (a connection cut at the end of the run). */
  unsettled?: string[];
  refused?: string[];
}

export async function call(url: string, token: string, method: string, path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Creates and triages `count` complaints through the API, 64 requests at a time. */
export async function prepare(url: string, token: string, count: number): Promise<string[]> {
  const data = loadComplaintFlow().data;
  const ids: string[] = [];
  for (let from = 0; from < count; from += CONNECTIONS) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECTIONS, count - from) }, async () => {
        const created = await call(url, token, 'POST', '/api/cases', { caseType: 'complaint', data });
        if (created.status !== 201) throw new Error(`bench: POST /api/cases answered ${created.status}: ${JSON.stringify(created.json)}`);
        const id = String(created.json.id);
        const triaged = await call(url, token, 'POST', `/api/cases/${id}/events`, triageEvent);
        if (triaged.status !== 200) throw new Error(`bench: SUBMIT_TRIAGE answered ${triaged.status}: ${JSON.stringify(triaged.json)}`);
        return id;
      }),
    );
    ids.push(...batch);
  }
  return ids;
}

/**
 * When a run stops, some connections have asked without a reply: their cases wait for the customer.
 * Sends the reply to each such case, so the next run finds every case investigating.
 */
export async function settle(url: string, token: string, unsettled: string[] = []): Promise<void> {
  // Requests cut at the end may still be in the server: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await Promise.all(
    unsettled.map(async (id) => {
      const response = await fetch(`${url}/api/cases/${id}`, { headers: { authorization: `Bearer ${token}` } });
      const kase = (await response.json()) as { state?: unknown };
      if (kase.state !== 'waitingForCustomer') return;
      const replied = await call(url, token, 'POST', `/api/cases/${id}/events`, loopEvents[1]);
      if (replied.status !== 200) throw new Error(`bench: settling ${id} answered ${replied.status}: ${JSON.stringify(replied.json)}`);
    }),
  );
}

export function load(args: Record<string, unknown>, durationSec: number, connections = CONNECTIONS): Promise<LoadResult> {
  return runChild<LoadResult>(childPath('http-load.ts'), [JSON.stringify({ ...args, connections, durationSec })], 'RESULT', durationSec * 1000 + 60_000);
}

/**
 * Fails the run when more than 1 % of answers were refused or lost; fewer are logged (and left out of
 * the rate by the caller). They come from the seams between runs: a connection cut between an ask and its reply.
 */
export function checkClean(what: string, result: LoadResult, log: (line: string) => void): void {
  if (result.non2xx + result.errors + result.timeouts > 0) {
    log(`http: ${what}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.total}: ${(result.refused ?? []).join(' | ')}`);
  }
  if (result.non2xx + result.errors + result.timeouts > result.total / 100) {
    throw new Error(`bench: ${what} had ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts of ${result.total}: ${(result.refused ?? []).join(' | ')}`);
  }
}

export const httpSuite: Suite = {
  name: 'http',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const durationSec = options.quick ? 2 : 10;
    const caseCount = options.quick ? CONNECTIONS * 10 : CONNECTIONS * 100;
    const server = spawnTs(childPath('http-server.ts'), [freshDbFile(options.workDir, 'http.db'), ADMIN_TOKEN]);
    try {
      const { url } = await waitForLine<{ url: string }>(server, 'READY', 60_000);
      const issued = await call(url, ADMIN_TOKEN, 'POST', '/api/tokens', { name: 'bench-agent', roles: ['agent', 'intake-agent', 'investigator'] });
      if (issued.status !== 201) throw new Error(`bench: POST /api/tokens answered ${issued.status}: ${JSON.stringify(issued.json)}`);
      const token = String(issued.json.token);
      const ids = await prepare(url, token, caseCount);
      const idsFile = join(options.workDir, 'http-case-ids.json');
      writeFileSync(idsFile, JSON.stringify(ids));
      // Warm-up: JIT, caches and the connection pool, on both paths.
      await load({ url, mode: 'health' }, 1);
      const warm = await load({ url, mode: 'events', token, idsFile, offset: 0 }, 1);
      checkClean('events warm-up', warm, options.log);
      await settle(url, token, warm.unsettled);
      let offset = warm.next;
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        // the server's CPU (all its threads) per answered request, read around each load
        const cpu = () => (server.pid === undefined ? null : processCpuMs(server.pid));
        const cpu0 = cpu();
        const health = await load({ url, mode: 'health' }, durationSec);
        checkClean('GET /api/health', health, options.log);
        const cpu1 = cpu();
        const events = await load({ url, mode: 'events', token, idsFile, offset }, durationSec);
        checkClean('POST /api/cases/:id/events', events, options.log);
        const cpu2 = cpu();
        const perRequest = (from: number | null, to: number | null, result: LoadResult) =>
          from === null || to === null || result.total === 0 ? Number.NaN : ((to - from) * 1000) / result.total;
        await settle(url, token, events.unsettled);
        offset = events.next;
        options.log(
          `http round ${round + 1}: health ${health.perSecond.toFixed(0)} req/s (p99 ${health.p99} ms); events ${events.perSecond.toFixed(0)} req/s ` +
            `(p50 ${events.p50} ms, p99 ${events.p99} ms); server CPU per request ${perRequest(cpu0, cpu1, health).toFixed(0)} / ${perRequest(cpu1, cpu2, events).toFixed(0)} µs`,
        );
        rounds.push({
          figures: {
            http_health_req_per_s: { value: health.perSecond, unit: 'req/s' },
            http_health_p99_ms: { value: health.p99, unit: 'ms' },
            http_events_req_per_s: { value: events.perSecond, unit: 'req/s' },
            http_events_p50_ms: { value: events.p50, unit: 'ms' },
            http_events_p99_ms: { value: events.p99, unit: 'ms' },
            http_health_server_cpu_us: { value: perRequest(cpu0, cpu1, health), unit: 'µs of server CPU per request' },
            http_events_server_cpu_us: { value: perRequest(cpu1, cpu2, events), unit: 'µs of server CPU per request' },
          },
          ratios: { events_vs_http_floor: events.perSecond / health.perSecond },
        });
      }
      return rounds;
    } finally {
      await stopChild(server);
    }
  },
};
