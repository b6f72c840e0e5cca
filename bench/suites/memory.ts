// memory: RSS of the server process with N open complaints waiting at their first task (100,000;
// quick: 10,000), created through the host's case service into SQLite, and the RSS slope per 1,000
// cases (least squares over samples taken as the cases accumulate). One fresh process per round.
import { childPath, runChild } from '../lib/child.ts';
import { freshDbFile } from '../lib/bench-host.ts';
import { slope } from '../lib/stats.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

interface MemoryResult {
  samples: { cases: number; rssMb: number; heapMb: number }[];
}

export const memorySuite: Suite = {
  name: 'memory',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const cases = options.quick ? 10_000 : 100_000;
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const file = freshDbFile(options.workDir, 'memory.db');
      const result = await runChild<MemoryResult>(childPath('memory-server.ts'), [file, String(cases), '10'], 'RESULT', 15 * 60_000);
      const last = result.samples[result.samples.length - 1];
      if (last === undefined || last.cases !== cases) throw new Error('bench: the memory child did not create every case');
      // The slope leaves out the first sample: it is taken before the first request warmed the JIT and caches.
      const points = result.samples.slice(1).map((s) => ({ x: s.cases / 1000, y: s.rssMb * 1024 }));
      const heapPoints = result.samples.slice(1).map((s) => ({ x: s.cases / 1000, y: s.heapMb * 1024 }));
      const rssSlope = slope(points);
      options.log(
        `memory round ${round + 1}: RSS ${last.rssMb.toFixed(0)} MB with ${cases} open cases (empty: ${result.samples[0]?.rssMb.toFixed(0)} MB); ` +
          `slope ${rssSlope.toFixed(1)} KB RSS, ${slope(heapPoints).toFixed(1)} KB heap per 1,000 cases`,
      );
      rounds.push({
        figures: {
          memory_rss_open_cases_mb: { value: last.rssMb, unit: `MB at ${cases} cases` },
          memory_heap_used_open_cases_mb: { value: last.heapMb, unit: `MB at ${cases} cases` },
          memory_rss_empty_mb: { value: result.samples[0]?.rssMb ?? Number.NaN, unit: 'MB' },
          memory_rss_slope_kb_per_1000: { value: rssSlope, unit: 'KB per 1,000 cases' },
          memory_heap_slope_kb_per_1000: { value: slope(heapPoints), unit: 'KB per 1,000 cases' },
        },
        ratios: {},
      });
    }
    return rounds;
  },
};
