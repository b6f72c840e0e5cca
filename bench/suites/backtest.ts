// backtest: generated closed complaints (bench/lib/complaint-history.ts) replayed by the pure engine on
// the published template and on a draft with a tightened resolution deadline, in cases per second (each
// case replayed on both). Issue 19's target: ≥ 5,000 cases/s; docs/backtest.md.
import { backtest, compileCaseType, type BacktestInput } from '../../runtime/engine/index.ts';
import { complaintDefinition } from '../lib/complaint-flow.ts';
import { generateComplaintHistories, tightenedResolution } from '../lib/complaint-history.ts';
import { rateFor } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

export const backtestSuite: Suite = {
  name: 'backtest',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const published = { ...complaintDefinition(), version: 1 };
    const count = options.quick ? 1_000 : 10_000;
    const generated = generateComplaintHistories(published, count, 19);
    const inputs: BacktestInput[] = generated.map((c) => ({ id: c.id, history: c.history, until: c.closedAt }));
    const steps = generated.reduce((n, c) => n + c.history.length, 0);
    options.log(`backtest: ${count} closed complaints generated, ${(steps / count).toFixed(1)} history entries each`);
    // compiled once per backtest, as the host does
    const once = (): number => {
      const { summary } = backtest(compileCaseType(published), compileCaseType(tightenedResolution(published)), inputs);
      if (summary.cases !== count) throw new Error(`bench: the backtest reported ${summary.cases} cases of ${count}`);
      return count;
    };
    once();
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const rate = rateFor(options.quick ? 500 : 3000, once);
      options.log(`backtest round ${round + 1}: ${rate.perSecond.toFixed(0)} cases/s (${count} cases a backtest)`);
      rounds.push({ figures: { backtest_cases_per_s: { value: rate.perSecond, unit: `cases/s (complaints, ${count} a backtest)` } }, ratios: {} });
    }
    return rounds;
  },
};
