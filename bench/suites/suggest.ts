// suggest: the contact-reason classifier (docs/reason-suggestion.md) at the host's bound: training on 20,000
// labelled texts of the generated corpus (English and Dutch), one suggestion, the model's size as JSON, and
// the accuracy on a held-back 20 % (the same split as test/runtime/engine/reason-accuracy.test.ts, at 25,000).
import { classify, trainClassifier } from '../../runtime/engine/index.ts';
import { reasonCorpus } from '../lib/reason-corpus.ts';
import { now } from '../lib/timing.ts';
import type { BenchOptions, RoundResult, Suite } from '../lib/types.ts';

export const suggestSuite: Suite = {
  name: 'suggest',
  async run(options: BenchOptions): Promise<RoundResult[]> {
    const corpus = reasonCorpus({ size: 25_000, seed: 21 });
    const cut = 20_000;
    const examples = corpus.slice(0, cut).map((c) => ({ text: `${c.subject}\n${c.description}`, label: c.reason }));
    const held = corpus.slice(cut).map((c) => ({ text: `${c.subject}\n${c.description}`, label: c.reason }));
    const rounds: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      let t = now();
      const model = trainClassifier(examples);
      const trainMs = now() - t;
      const times: number[] = [];
      let right = 0;
      for (const h of held.slice(0, options.quick ? 1000 : held.length)) {
        t = now();
        const p = classify(model, h.text);
        times.push(now() - t);
        if (p?.label === h.label) right++;
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)] as number;
      const p99 = times[Math.floor(times.length * 0.99)] as number;
      const figures: RoundResult['figures'] = {
        suggest_train_20k_ms: { value: trainMs, unit: 'ms to train on 20,000 texts' },
        suggest_classify_ms: { value: median, unit: 'ms per suggestion (median)' },
        suggest_classify_p99_ms: { value: p99, unit: 'ms per suggestion (p99)' },
        suggest_model_kb: { value: JSON.stringify(model).length / 1024, unit: 'KB of model JSON' },
        suggest_accuracy: { value: right / times.length, unit: 'share right on the held-back texts' },
      };
      options.log(`suggest round ${round + 1}: trained on 20,000 in ${trainMs.toFixed(0)} ms, ${(median * 1000).toFixed(0)} µs per suggestion, accuracy ${(right / times.length).toFixed(3)}`);
      rounds.push({ figures, ratios: {} });
    }
    return rounds;
  },
};
