// The accuracy of the contact-reason classifier (docs/reason-suggestion.md) on the generated corpus of
// 2,500 labelled complaints in English and Dutch (bench/lib/reason-corpus.ts): trained on the first 80 %,
// measured on the held-back 20 %, overall and per language. The floors are below what was measured
// (0.954 overall: English 0.951, Dutch 0.957 on seed 21), so a change that makes it worse fails here.
import { describe, expect, it } from 'vitest';
import { classify, trainClassifier } from '../../../runtime/engine/index.ts';
import { reasonCorpus } from '../../../bench/lib/reason-corpus.ts';

describe('reason suggestion accuracy on the held-back 20 % of the corpus', () => {
  const corpus = reasonCorpus({ size: 2500, seed: 21 });
  const cut = Math.floor(corpus.length * 0.8);
  const model = trainClassifier(corpus.slice(0, cut).map((c) => ({ text: `${c.subject}\n${c.description}`, label: c.reason })));
  const held = corpus.slice(cut);
  const accuracy = (cases: typeof held) => cases.filter((c) => classify(model, `${c.subject}\n${c.description}`)?.label === c.reason).length / cases.length;

  it('has 2,500 cases in both languages, every reason, some ambiguous', () => {
    expect(corpus).toHaveLength(2500);
    expect(new Set(corpus.map((c) => c.reason)).size).toBe(7);
    const dutch = corpus.filter((c) => c.language === 'nl').length;
    expect(dutch).toBeGreaterThan(1100);
    expect(dutch).toBeLessThan(1400);
    expect(corpus.filter((c) => c.ambiguous).length).toBeGreaterThan(200);
    expect(model.trainedOn).toBe(2000);
  });

  it('is right on at least 93 % overall, and 92 % in each language, but not on everything', () => {
    const all = accuracy(held);
    const en = accuracy(held.filter((c) => c.language === 'en'));
    const nl = accuracy(held.filter((c) => c.language === 'nl'));
    expect(all).toBeGreaterThanOrEqual(0.93);
    expect(en).toBeGreaterThanOrEqual(0.92);
    expect(nl).toBeGreaterThanOrEqual(0.92);
    // the corpus is honest: label noise and ambiguous texts keep it from 100 %
    expect(all).toBeLessThan(0.99);
    expect(accuracy(held.filter((c) => c.ambiguous))).toBeLessThan(all);
  });

  it('the same seed gives the same corpus', () => {
    expect(reasonCorpus({ size: 50, seed: 3 })).toEqual(reasonCorpus({ size: 50, seed: 3 }));
    expect(reasonCorpus({ size: 50, seed: 3 })).not.toEqual(reasonCorpus({ size: 50, seed: 4 }));
  });
});
