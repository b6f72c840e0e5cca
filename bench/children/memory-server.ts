// The server process for the memory figure: the host of `dossier serve` (store, case service,
// scheduler, outbox, HTTP on loopback) running while complaints are created with the engine and
// committed through its store (`CaseStore.commit`, group commit) into SQLite; nothing per case stays
// in memory. Samples RSS (after a full GC) as cases accumulate and prints one line
// `RESULT {"samples": [{ "cases", "rssMb", "heapMb", "heapTotalMb", "externalMb" }, ...]}`.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { serve } from '@hono/node-server';
import * as engine from '../../runtime/engine/index.ts';
import { seedTemplates } from '../../runtime/host/bootstrap.ts';
import { systemClock } from '../../runtime/host/clock.ts';
import { createRuntime } from '../../runtime/compose/create-runtime.ts';
import { silentLogger } from '../../runtime/host/logger.ts';
import { createSqliteStore } from '../../runtime/store/index.ts';
import { benchActor, loadComplaintFlow } from '../lib/complaint-flow.ts';

const [db, countArg, stepsArg] = process.argv.slice(2);
if (db === undefined) throw new Error('usage: memory-server.ts <db file> <cases> <samples>');
const total = Number(countArg ?? 100_000);
const samples = Number(stepsArg ?? 10);
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const store = createSqliteStore({ file: db });
await seedTemplates(store, new URL('../../templates', import.meta.url).pathname, systemClock.now(), silentLogger);
const host = createRuntime({ store, engine, clock: systemClock, logger: silentLogger });
const server = serve({ fetch: host.app.fetch, port: 0, hostname: '127.0.0.1' });
await host.start();
const data = loadComplaintFlow().data;
const loaded = await host.service.loadType('default', 'complaint');
if (loaded === null) throw new Error('bench: the complaint template was not seeded');
const compiled = loaded.compiled as engine.CompiledCaseType;

/** One complaint: the engine's creation outcome committed as the host commits it. */
async function createOne(n: number): Promise<void> {
  const at = systemClock.now();
  const outcome = engine.createCase(compiled, { id: `m-${n}`, data }, at, benchActor);
  if (!outcome.ok || outcome.case.tasks.length !== 1) throw new Error(`bench: creating a complaint failed: ${JSON.stringify(outcome).slice(0, 300)}`);
  const committed = await store.commit({ tenant: 'default', case: outcome.case, expectedRevision: null, history: outcome.history, effects: outcome.effects, at });
  if (!committed.ok) throw new Error(`bench: committing a complaint failed: ${committed.code}`);
}

interface Sample {
  cases: number;
  rssMb: number;
  heapMb: number;
  heapTotalMb: number;
  externalMb: number;
}

function sample(cases: number): Sample {
  gc();
  const usage = process.memoryUsage();
  return { cases, rssMb: usage.rss / 2 ** 20, heapMb: usage.heapUsed / 2 ** 20, heapTotalMb: usage.heapTotal / 2 ** 20, externalMb: usage.external / 2 ** 20 };
}

const PARALLEL = 500;
const points = [sample(0)];
let created = 0;
for (let s = 1; s <= samples; s++) {
  const target = Math.round((total * s) / samples);
  while (created < target) {
    const n = Math.min(PARALLEL, target - created);
    await Promise.all(Array.from({ length: n }, (_, i) => createOne(created + i)));
    created += n;
  }
  points.push(sample(created));
}
process.stdout.write(`RESULT ${JSON.stringify({ samples: points })}\n`);
await host.stop();
await new Promise<void>((resolve) => server.close(() => resolve()));
await store.close();
