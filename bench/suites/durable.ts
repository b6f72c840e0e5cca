// durable: events/s through the case service and the SQLite store (WAL, synchronous=FULL, group
// commit) at 1 and 64 concurrent clients, with p50/p99 latency, against raw better-sqlite3
// single-row commits (each its own transaction, same pragmas, same disk) in the same round.
import Database from 'better-sqlite3';
import { createBenchHost, freshDbFile, loopEvent, prepareCases, send, type BenchHost } from '../lib/bench-host.ts';
import { loadComplaintFlow } from '../lib/complaint-flow.ts';
import { percentile } from '../lib/stats.ts';
import { now, rateFor } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

interface LoadResult {
  latencies: number[];
  elapsedMs: number;
}

/** Slices per round: raw, 1 client and 64 clients take turns, so disk and CPU noise from other work on the machine hits all three alike. */
const SLICES = 4;

function summary(parts: LoadResult[]): { perSecond: number; p50: number; p99: number; events: number } {
  const latencies = parts.flatMap((p) => p.latencies);
  const elapsed = parts.reduce((sum, p) => sum + p.elapsedMs, 0);
  return { perSecond: (latencies.length * 1000) / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), events: latencies.length };
}

/**
 * `clients` loops, each sending the ask/reply loop to its own share of the cases (client c takes
 * cases c, c + clients, ...; two events per visit), until `ms` have passed.
 */
async function drive(host: BenchHost, ids: string[], clients: number, ms: number, offset: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const start = now();
  const deadline = start + ms;
  const client = async (c: number): Promise<void> => {
    for (let visit = 0; now() < deadline; visit++) {
      const id = ids[(c + (offset + visit) * clients) % ids.length] as string;
      for (let k = 0; k < 2; k++) {
        const t0 = now();
        await send(host.service, id, loopEvent(k));
        latencies.push(now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return { latencies, elapsedMs: now() - start };
}

/** Raw single-row commits: one INSERT per transaction (autocommit), synchronous=FULL, WAL. */
function rawCommits(file: string, ms: number): { steps: number; elapsedMs: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO events (case_id, body) VALUES (?, ?)');
  const body = JSON.stringify({ type: 'CUSTOMER_REPLIED', data: { customerReply: 'NL91 ABNA 0417 1643 00, on 2 January.' } });
  let i = 0;
  const rate = rateFor(ms, () => {
    insert.run(`case-${i++ % 1000}`, body);
    return 1;
  });
  db.close();
  return { steps: rate.steps, elapsedMs: rate.elapsedMs };
}

export const durableSuite: Suite = {
  name: 'durable',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const flow = loadComplaintFlow();
    const budget = options.quick ? 500 : 2500;
    const caseCount = options.quick ? 640 : 6400;
    const host = await createBenchHost(freshDbFile(options.workDir, 'durable.db'));
    const rawFile = freshDbFile(options.workDir, 'raw-commit.db');
    try {
      const ids = await prepareCases(host.service, flow.data, caseCount, true);
      await drive(host, ids, 64, budget / 4, 0);
      // Each round starts on cases no earlier round touched where it can, so case bodies stay small.
      let offset = 1;
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const rawParts: { steps: number; elapsedMs: number }[] = [];
        const oneParts: LoadResult[] = [];
        const manyParts: LoadResult[] = [];
        let commits = 0;
        let items = 0;
        let manyCpuUs = 0;
        for (let slice = 0; slice < SLICES; slice++) {
          rawParts.push(rawCommits(rawFile, budget / SLICES));
          const onePart = await drive(host, ids, 1, budget / SLICES, offset);
          oneParts.push(onePart);
          offset += Math.ceil(onePart.latencies.length / 2);
          const before = host.store.writeStats();
          const cpuBefore = process.cpuUsage();
          const manyPart = await drive(host, ids, 64, budget / SLICES, offset);
          const cpuUsed = process.cpuUsage(cpuBefore);
          manyCpuUs += cpuUsed.user + cpuUsed.system;
          const after = host.store.writeStats();
          manyParts.push(manyPart);
          offset += Math.ceil(manyPart.latencies.length / 128) + 1;
          commits += after.commits - before.commits;
          items += after.items - before.items;
        }
        const raw = (rawParts.reduce((sum, p) => sum + p.steps, 0) * 1000) / rawParts.reduce((sum, p) => sum + p.elapsedMs, 0);
        const one = summary(oneParts);
        const many = summary(manyParts);
        const batch = items / Math.max(1, commits);
        options.log(
          `durable round ${round + 1}: raw commits ${raw.toFixed(0)}/s; 1 client ${one.perSecond.toFixed(0)} events/s ` +
            `(p50 ${one.p50.toFixed(2)} ms, p99 ${one.p99.toFixed(2)} ms); 64 clients ${many.perSecond.toFixed(0)} events/s ` +
            `(p50 ${many.p50.toFixed(2)} ms, p99 ${many.p99.toFixed(2)} ms, ${batch.toFixed(1)} writes per commit, ${(manyCpuUs / Math.max(1, many.events)).toFixed(0)} µs CPU per event)`,
        );
        rounds.push({
          figures: {
            raw_commit_per_s: { value: raw, unit: 'commits/s' },
            durable_1_events_per_s: { value: one.perSecond, unit: 'events/s' },
            durable_1_p50_ms: { value: one.p50, unit: 'ms' },
            durable_1_p99_ms: { value: one.p99, unit: 'ms' },
            durable_64_events_per_s: { value: many.perSecond, unit: 'events/s' },
            durable_64_p50_ms: { value: many.p50, unit: 'ms' },
            durable_64_p99_ms: { value: many.p99, unit: 'ms' },
            durable_64_writes_per_commit: { value: batch, unit: 'writes' },
            durable_64_cpu_us_per_event: { value: manyCpuUs / Math.max(1, many.events), unit: 'µs of CPU per event (all threads)' },
          },
          ratios: {
            durable_vs_raw_commit: many.perSecond / raw,
            durable_1_vs_raw_commit: one.perSecond / raw,
          },
        });
      }
      return rounds;
    } finally {
      await host.close();
    }
  },
};
