// peer: the complaint flow on bpmn-engine (bench/complaint.bpmn), in memory and with its state
// persisted per step (getState() JSON into a better-sqlite3 table, WAL, synchronous=FULL), against
// Dossier persisted (the case service over the SQLite store, one step after the other) in the same round.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import Database from 'better-sqlite3';
import { Engine } from 'bpmn-engine';
import { loadComplaintFlow, type ComplaintFlow } from '../lib/complaint-flow.ts';
import { create, createBenchHost, freshDbFile, send, type BenchHost } from '../lib/bench-host.ts';
import { rateFor, rateForAsync } from '../lib/timing.ts';
import { compileCaseType } from '../../runtime/engine/index.ts';
import { runEngineFlow } from './engine.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

/** Complaints run at the same time in the concurrent figures (quick: 8, as bpmn-engine takes seconds per 64 flows). */
const flowsFor = (quick: boolean): number => (quick ? 8 : 64);

const source = readFileSync(new URL('../complaint.bpmn', import.meta.url), 'utf8');

/** The user tasks of complaint.bpmn that the happy path's events complete, in order. */
const taskOf: Record<string, string> = {
  SUBMIT_TRIAGE: 'triage',
  EVIDENCE_COLLECTED: 'collect',
  SUBMIT_FINDINGS: 'analyse',
  PROPOSE_RESOLUTION: 'resolving',
  APPROVE_COMPENSATION: 'approval',
  SURVEY_ANSWERED: 'survey',
};

/** Flattens the fields the gateways read (severity, compensation) from an event's payload. */
function gatewayData(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (data === undefined) return out;
  if (typeof data.severity === 'string') out.severity = data.severity;
  const resolution = data.resolution as { compensation?: unknown } | undefined;
  if (resolution !== undefined && typeof resolution.compensation === 'number') out.compensation = resolution.compensation;
  return out;
}

function createListener(): EventEmitter {
  const listener = new EventEmitter();
  // A user task's signal message carries its data; gateways read it from the process output.
  listener.on('activity.end', (api: { content: { output?: unknown }; environment: { output: Record<string, unknown> } }) => {
    const out = api.content.output;
    if (out !== null && typeof out === 'object' && 'data' in out) Object.assign(api.environment.output, (out as { data: object }).data);
  });
  return listener;
}

type Persist = ((id: string, engine: Engine) => Promise<void>) | null;

/** Runs one complaint on bpmn-engine; with `persist`, saves the state after every step. */
async function runBpmnFlow(flow: ComplaintFlow, id: string, persist: Persist): Promise<number> {
  const engine = new Engine({ name: id, source });
  const execution = await engine.execute({ listener: createListener() });
  if (persist) await persist(id, engine);
  for (const event of flow.events) {
    const task = taskOf[event.type];
    if (task === undefined) throw new Error(`bench: complaint.bpmn has no task for ${event.type}`);
    if (!execution.getPostponed().some((p) => p.id === task)) throw new Error(`bench: bpmn-engine is not waiting at ${task}`);
    execution.signal({ id: task, data: gatewayData(event.data as Record<string, unknown> | undefined) });
    if (persist) await persist(id, engine);
  }
  if (engine.state !== 'idle' || execution.getPostponed().length > 0) throw new Error('bench: the bpmn-engine flow did not complete');
  return flow.steps;
}

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap per bpmn-engine instance waiting at its first task, kept in memory (how that engine holds open cases). */
async function bpmnHeapPerInstance(count: number): Promise<number> {
  const gc = gcFunction();
  gc();
  const before = process.memoryUsage().heapUsed;
  const held: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const engine = new Engine({ name: `open-${i}`, source });
    held.push(engine, await engine.execute({ listener: createListener() }));
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (held.length !== count * 2) throw new Error('unreachable');
  return (after - before) / count;
}

export const peerSuite: Suite = {
  name: 'peer',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const flow = loadComplaintFlow();
    const budget = options.quick ? 300 : 2000;
    const flows = flowsFor(options.quick);
    const db = new Database(freshDbFile(options.workDir, 'bpmn-state.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS instances (id TEXT PRIMARY KEY, state TEXT NOT NULL)');
    const save = db.prepare('INSERT OR REPLACE INTO instances (id, state) VALUES (?, ?)');
    const persist: Persist = async (id, engine) => {
      save.run(id, JSON.stringify(await engine.getState()));
    };
    const host: BenchHost = await createBenchHost(freshDbFile(options.workDir, 'peer-dossier.db'));
    const compiled = compileCaseType(flow.definition);
    let n = 0;
    const engineOnce = () => runEngineFlow(compiled, flow, `e-${n++}`);
    const memoryOnce = () => runBpmnFlow(flow, `m-${n++}`, null);
    const persistedOnce = () => runBpmnFlow(flow, `p-${n++}`, persist);
    const dossierFlow = async () => {
      const id = await create(host.service, flow.data);
      for (const event of flow.events) await send(host.service, id, event);
      return flow.steps;
    };
    // Concurrent flows: how a host runs many cases at once (each step still durable before the next).
    const concurrent = (one: () => Promise<number>) => async () => (await Promise.all(Array.from({ length: flows }, one))).reduce((a, b) => a + b, 0);
    const dossierOnce = concurrent(dossierFlow);
    const dossierSequentialOnce = dossierFlow;
    const persistedConcurrentOnce = concurrent(() => runBpmnFlow(flow, `c-${n++}`, persist));
    try {
      await rateForAsync(budget / 4, memoryOnce);
      await rateForAsync(budget / 4, persistedOnce);
      await rateForAsync(budget / 4, dossierOnce);
      const rounds: RoundResult[] = [];
      for (let round = 0; round < options.rounds; round++) {
        const memory = await rateForAsync(budget, memoryOnce);
        const engine = rateFor(budget, engineOnce);
        const persisted = await rateForAsync(budget, persistedOnce);
        const persistedConcurrent = await rateForAsync(budget, persistedConcurrentOnce);
        const dossierSequential = await rateForAsync(budget, dossierSequentialOnce);
        const dossier = await rateForAsync(budget, dossierOnce);
        const heap = await bpmnHeapPerInstance(options.quick ? 20 : 200);
        options.log(
          `peer round ${round + 1}: bpmn-engine ${memory.perSecond.toFixed(0)} steps/s in memory, ${persisted.perSecond.toFixed(0)} persisted, ` +
            `${persistedConcurrent.perSecond.toFixed(0)} persisted with ${flows} flows; Dossier persisted ${dossierSequential.perSecond.toFixed(0)} steps/s, ` +
            `${dossier.perSecond.toFixed(0)} with ${flows} flows; bpmn-engine ${(heap / 1024).toFixed(0)} KB heap per open instance`,
        );
        rounds.push({
          figures: {
            bpmn_engine_memory_steps_per_s: { value: memory.perSecond, unit: 'steps/s' },
            dossier_engine_memory_steps_per_s: { value: engine.perSecond, unit: 'steps/s' },
            bpmn_engine_persisted_steps_per_s: { value: persisted.perSecond, unit: 'steps/s (one flow at a time)' },
            bpmn_engine_persisted_concurrent_steps_per_s: { value: persistedConcurrent.perSecond, unit: `steps/s (${flows} flows at once)` },
            dossier_persisted_steps_per_s: { value: dossierSequential.perSecond, unit: 'steps/s (one flow at a time)' },
            dossier_persisted_concurrent_steps_per_s: { value: dossier.perSecond, unit: `steps/s (${flows} flows at once)` },
            bpmn_engine_heap_per_open_instance_kb: { value: heap / 1024, unit: 'KB' },
          },
          ratios: {
            dossier_vs_bpmn_engine: dossier.perSecond / persistedConcurrent.perSecond,
            dossier_vs_bpmn_engine_one_flow: dossierSequential.perSecond / persisted.perSecond,
            dossier_vs_bpmn_engine_memory: engine.perSecond / memory.perSecond,
          },
        });
      }
      return rounds;
    } finally {
      await host.close();
      db.close();
    }
  },
};
