// postgres: the event path on a shared PostgreSQL database. POST /api/cases/:id/events (the ask/reply
// loop of the http suite) at 64 connections through one `dossier serve` host, then spread over three
// hosts on the same database; as the reference, the database's own rate of single-row INSERT
// transactions at the same concurrency (pgbench), measured in the same round. Also the database round
// trips and transactions per event (a counting relay in front of the server; pg_stat_database) and the
// hosts' CPU per event. On 2 cores three hosts share the CPU with the load and the database: the figure
// shows whether they hold one host's rate (no lock convoy), not how they scale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { childPath, spawnTs, stopChild, waitForLine } from '../lib/child.ts';
import { countingRelay, pgbenchInsertRate, postgresUnavailable, scratchDatabase } from '../lib/postgres.ts';
import { processCpuMs } from '../lib/timing.ts';
import { SuiteSkipped, type BenchOptions, type RoundResult, type Suite } from '../lib/types.ts';
import { ADMIN_TOKEN, CONNECTIONS, call, checkClean, load, prepare, settle, type LoadResult } from './http.ts';

const HOSTS = 3;

export const postgresSuite: Suite = {
  name: 'postgres',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const unavailable = await postgresUnavailable();
    if (unavailable !== null) throw new SuiteSkipped(unavailable);
    const durationSec = options.quick ? 2 : 10;
    const casesPerHost = options.quick ? CONNECTIONS * 4 : CONNECTIONS * 40;
    const database = await scratchDatabase();
    const relay = await countingRelay(database.url);
    const servers: ChildProcess[] = [];
    try {
      // one after the other: the first migrates, seeds and issues the admin token
      const urls: string[] = [];
      for (let i = 0; i < HOSTS; i++) {
        const server = spawnTs(childPath('http-server.ts'), [relay.via(database.url), ADMIN_TOKEN]);
        servers.push(server);
        urls.push((await waitForLine<{ url: string }>(server, 'READY', 60_000)).url);
      }
      const issued = await call(urls[0] as string, ADMIN_TOKEN, 'POST', '/api/tokens', { name: 'bench-agent', roles: ['agent', 'intake-agent', 'investigator'] });
      if (issued.status !== 201) throw new Error(`bench: POST /api/tokens answered ${issued.status}`);
      const token = String(issued.json.token);
      // each host works its own cases, so the hosts compete for the database, not for rows
      const idsFiles: string[] = [];
      const offsets: number[] = [];
      for (const [i, url] of urls.entries()) {
        const file = join(options.workDir, `postgres-case-ids-${i}.json`);
        writeFileSync(file, JSON.stringify(await prepare(url, token, casesPerHost)));
        idsFiles.push(file);
        const warm = await load({ url, mode: 'events', token, idsFile: file, offset: 0 }, 1, Math.ceil(CONNECTIONS / HOSTS));
        await settle(url, token, warm.unsettled);
        offsets.push(warm.next);
      }
      const cpu = (servers: ChildProcess[]) => servers.reduce((sum, s) => sum + (s.pid === undefined ? Number.NaN : (processCpuMs(s.pid) ?? Number.NaN)), 0);
      const run = async (hosts: number): Promise<{ rate: number; p99: number; cpuUs: number; trips: number; commits: number; total: number }> => {
        const used = servers.slice(0, hosts);
        const [cpu0, trips0, commits0] = [cpu(used), relay.roundTrips(), await database.commits()];
        const results: LoadResult[] = await Promise.all(
          urls.slice(0, hosts).map((url, i) => {
            const connections = Math.floor(CONNECTIONS / hosts) + (i < CONNECTIONS % hosts ? 1 : 0);
            return load({ url, mode: 'events', token, idsFile: idsFiles[i], offset: offsets[i] }, durationSec, connections);
          }),
        );
        const [cpu1, trips1, commits1] = [cpu(used), relay.roundTrips(), await database.commits()];
        for (const [i, result] of results.entries()) {
          checkClean(`postgres ${hosts} host(s), host ${i + 1}`, result, options.log);
          await settle(urls[i] as string, token, result.unsettled);
          offsets[i] = result.next;
        }
        const total = results.reduce((sum, r) => sum + r.total - r.non2xx, 0);
        return {
          rate: results.reduce((sum, r) => sum + r.perSecond, 0),
          p99: Math.max(...results.map((r) => r.p99)),
          cpuUs: total === 0 ? Number.NaN : ((cpu1 - cpu0) * 1000) / total,
          trips: total === 0 ? Number.NaN : (trips1 - trips0) / total,
          commits: total === 0 ? Number.NaN : (commits1 - commits0) / total,
          total,
        };
      };
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const measured = await pgbenchInsertRate(database.url, CONNECTIONS, durationSec, join(options.workDir, 'pgbench-insert.sql'));
        const reference = typeof measured === 'number' ? measured : null;
        if (typeof measured === 'string') options.log(`postgres: the reference was not measured: ${measured}`);
        const one = await run(1);
        const three = await run(HOSTS);
        options.log(
          `postgres round ${round + 1}: one host ${one.rate.toFixed(0)} events/s (p99 ${one.p99} ms, ${one.trips.toFixed(1)} round trips, ` +
            `${one.commits.toFixed(2)} transactions, ${one.cpuUs.toFixed(0)} µs host CPU per event); three hosts ${three.rate.toFixed(0)} events/s ` +
            `(p99 ${three.p99} ms, ${three.cpuUs.toFixed(0)} µs); pgbench single-row inserts ${reference === null ? 'not measured' : `${reference.toFixed(0)}/s`}`,
        );
        rounds.push({
          figures: {
            pg_one_host_events_per_s: { value: one.rate, unit: 'events/s, 64 connections, one host' },
            pg_one_host_p99_ms: { value: one.p99, unit: 'ms' },
            pg_three_hosts_events_per_s: { value: three.rate, unit: 'events/s, 64 connections over three hosts' },
            pg_three_hosts_p99_ms: { value: three.p99, unit: 'ms' },
            pg_round_trips_per_event: { value: one.trips, unit: 'database round trips per event' },
            pg_transactions_per_event: { value: one.commits, unit: 'committed transactions per event' },
            pg_host_cpu_us_per_event: { value: one.cpuUs, unit: 'µs of host CPU per event, one host' },
            pg_three_hosts_cpu_us_per_event: { value: three.cpuUs, unit: 'µs of host CPU per event, three hosts' },
            ...(reference === null ? {} : { pg_insert_reference_per_s: { value: reference, unit: 'single-row INSERT transactions/s, pgbench, 64 clients' } }),
          },
          ratios: {
            ...(reference === null ? {} : { pg_events_vs_insert_reference: one.rate / reference }),
            pg_three_hosts_vs_one: three.rate / one.rate,
          },
        });
      }
      return rounds;
    } finally {
      for (const server of servers) await stopChild(server);
      await relay.close();
      await database.drop();
    }
  },
};
