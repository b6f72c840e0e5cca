// engine: pure createCase + applyEvent steps/s on the complaint happy path, against the same flow on
// a hand-written XState machine (createActor + send) in the same process and round.
import { applyEvent, compileCaseType, createCase } from '../../runtime/engine/index.ts';
import type { CompiledCaseType } from '../../runtime/engine/index.ts';
import { benchActor, loadComplaintFlow, type ComplaintFlow } from '../lib/complaint-flow.ts';
import { runRawFlow } from '../lib/raw-xstate.ts';
import { rateFor } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

const START_MS = Date.parse('2026-01-05T09:00:00Z');

/** One complaint from creation to closed through the pure engine; returns the steps taken. */
export function runEngineFlow(type: CompiledCaseType, flow: ComplaintFlow, id: string): number {
  let at = START_MS;
  const created = createCase(type, { id, data: flow.data }, new Date(at).toISOString(), benchActor);
  if (!created.ok) throw new Error(`bench: creating the complaint was rejected: ${created.code} ${created.message}`);
  let kase = created.case;
  for (const event of flow.events) {
    at += 60_000;
    const outcome = applyEvent(type, kase, event, new Date(at).toISOString(), benchActor);
    if (!outcome.ok) throw new Error(`bench: ${event.type} was rejected: ${outcome.code} ${outcome.message}`);
    kase = outcome.case;
  }
  if (kase.closedAt === null) throw new Error('bench: the complaint flow did not close the case');
  return flow.steps;
}

export const engineSuite: Suite = {
  name: 'engine',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const flow = loadComplaintFlow();
    const type = compileCaseType(flow.definition);
    const budget = options.quick ? 400 : 2000;
    let n = 0;
    const engineOnce = () => runEngineFlow(type, flow, `bench-${n++}`);
    const rawOnce = () => {
      if (!runRawFlow(flow.data, flow.events)) throw new Error('bench: the raw XState flow did not reach a final state');
      return flow.steps;
    };
    rateFor(budget / 2, engineOnce);
    rateFor(budget / 2, rawOnce);
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const engine = rateFor(budget, engineOnce);
      const raw = rateFor(budget, rawOnce);
      options.log(`engine round ${round + 1}: engine ${engine.perSecond.toFixed(0)} steps/s, raw XState ${raw.perSecond.toFixed(0)} steps/s`);
      rounds.push({
        figures: {
          engine_steps_per_s: { value: engine.perSecond, unit: 'steps/s' },
          raw_xstate_steps_per_s: { value: raw.perSecond, unit: 'steps/s' },
        },
        ratios: { engine_vs_raw_xstate: engine.perSecond / raw.perSecond },
      });
    }
    return rounds;
  },
};
