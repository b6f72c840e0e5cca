// patterns: the case-data validator (the one ajv of the engine, the API and the designer's preview) on a
// 1 MiB near miss of each pattern that held the host before patterns ran on RE2 (issue 14), and of two
// ordinary field patterns. Reports each and the slowest hostile pattern's time per check (target < 50 ms).
import { createDataAjv } from '../../schemas/ajv.ts';
import { now } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

const MIB = 1 << 20;
const fill = (unit: string, tail: string) => unit.repeat(Math.ceil(MIB / unit.length)).slice(0, MIB) + tail;

/** Named for the figures; each with a value that nearly matches; `hostile` are the shapes that backtrack exponentially. */
const cases: [name: string, pattern: string, value: string, hostile?: true][] = [
  ['a_star_8', '^a*a*a*a*a*a*a*a*b$', fill('a', ''), true],
  ['space_star_4', '^\\s*\\s*\\s*\\s*x$', fill(' ', ''), true],
  ['nested_plus', '^(a+)+$', fill('a', '!'), true],
  ['words', '^(\\w+\\s?)*$', fill('ab ', '!'), true],
  // the largest program accepted (about 1,000 steps): the slowest shape found at that size
  ['alternation_160', '(a|aa){160}$', fill('a', '!'), true],
  ['iban', '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$', fill('NL', '')],
  ['unicode_words', '^\\p{L}+( \\p{L}+)*$', fill('Zé ', '!')],
];

export const patternsSuite: Suite = {
  name: 'patterns',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const ajv = createDataAjv();
    const validators = cases.map(([name, pattern, value, hostile]) => {
      const validate = ajv.compile({ type: 'object', properties: { code: { type: 'string', pattern } } });
      const data = { code: value };
      return { name, hostile: hostile === true, check: () => validate(data) };
    });
    const repeats = options.quick ? 3 : 7;
    for (const v of validators) if (v.check()) throw new Error(`bench: the near miss of ${v.name} matched`);
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const figures: RoundResult['figures'] = {};
      let slowest = 0;
      for (const v of validators) {
        const times: number[] = [];
        for (let i = 0; i < repeats; i++) {
          const t = now();
          v.check();
          times.push(now() - t);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)] as number;
        figures[`pattern_1mib_${v.name}_ms`] = { value: median, unit: 'ms per check of a 1 MiB near miss' };
        if (v.hostile) slowest = Math.max(slowest, median);
      }
      figures.pattern_1mib_slowest_ms = { value: slowest, unit: 'ms, slowest hostile pattern' };
      options.log(`patterns round ${round + 1}: slowest ${slowest.toFixed(1)} ms per 1 MiB near miss`);
      rounds.push({ figures, ratios: {} });
    }
    return rounds;
  },
};
