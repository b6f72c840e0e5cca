// Where an event's time goes on the SQLite event path (issue 23, docs/benchmark.md): 64 clients send the
// durable suite's ask/reply loop through the case service for 8 s on 6,400 prepared cases, and the process's
// CPU per event is printed. PROFILE=1 also writes a CPU profile of that steady state (not of the set-up) to
// OUT (default ./steady.cpuprofile); DROP=<trigger,...> drops those history triggers first, for an A/B of a
// trigger's cost in one session (e.g. DROP=history_transitions). Usage: npx tsx bench/profile-durable.ts
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBenchHost, freshDbFile, loopEvent, prepareCases, send } from './lib/bench-host.ts';
import { loadComplaintFlow } from './lib/complaint-flow.ts';

const CLIENTS = 64;
const MS = 8000;
const dir = mkdtempSync(join(tmpdir(), 'dossier-profile-'));
const file = freshDbFile(dir, 'profile.db');
const flow = loadComplaintFlow();
const host = await createBenchHost(file);
const drop = process.env['DROP'];
if (drop !== undefined && drop !== '') {
  const db = new Database(file);
  for (const trigger of drop.split(',')) db.exec(`DROP TRIGGER ${trigger}`);
  db.close();
}
const ids = await prepareCases(host.service, flow.data, 6400, true);
const profiling = process.env['PROFILE'] === '1';
const session = new Session();
if (profiling) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const cpuBefore = process.cpuUsage();
const start = performance.now();
let events = 0;
await Promise.all(
  Array.from({ length: CLIENTS }, async (_, c) => {
    for (let visit = 0; performance.now() < start + MS; visit++) {
      const id = ids[(c + visit * CLIENTS) % ids.length] as string;
      for (let k = 0; k < 2; k++) {
        await send(host.service, id, loopEvent(k));
        events++;
      }
    }
  }),
);
const elapsed = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
if (profiling) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(process.env['OUT'] ?? 'steady.cpuprofile', JSON.stringify(profile));
}
console.log(JSON.stringify({ events, perSecond: Math.round((events * 1000) / elapsed), cpuUsPerEvent: Math.round((cpu.user + cpu.system) / events), dropped: drop ?? null }));
process.exit(0);
