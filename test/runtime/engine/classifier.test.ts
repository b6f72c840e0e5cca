// The contact-reason classifier (runtime/engine/classifier.ts, docs/reason-suggestion.md): its tokenizer
// for Dutch and English, naive Bayes with Laplace smoothing, the posterior as confidence, a model that
// round-trips through JSON, and the same answer for the same input.
import { describe, expect, it } from 'vitest';
import { classify, tokenize, trainClassifier, type ReasonModel } from '../../../runtime/engine/index.ts';

describe('tokenize', () => {
  it('lower-cases, folds accents, drops numbers, punctuation, stop words and one-letter words, and adds neighbouring pairs', () => {
    expect(tokenize('Ik heb TWEE keer €49,95 betaald voor factuur 2026-12!')).toEqual(['twee', 'keer', 'betaald', 'factuur', 'twee_keer', 'keer_betaald', 'betaald_factuur']);
    expect(tokenize('The café was closed; a crème brûlée')).toEqual(['cafe', 'closed', 'creme', 'brulee', 'cafe_closed', 'closed_creme', 'creme_brulee']);
  });

  it('cuts long words to their first eight letters, so inflections and late typos meet', () => {
    expect(tokenize('afschrijving afschrijvingen')).toEqual(['afschrij', 'afschrij', 'afschrij_afschrij']);
    expect(tokenize('delivered deliverd')).toEqual(['delivere', 'deliverd', 'delivere_deliverd']);
  });

  it('gives nothing for a text of only numbers, stop words and signs', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('123 456 -- de het the and ?!')).toEqual([]);
  });
});

const examples = [
  { text: 'charged twice for my invoice', label: 'billing' },
  { text: 'wrong amount on the invoice', label: 'billing' },
  { text: 'refund of the invoice still missing', label: 'billing' },
  { text: 'parcel not delivered', label: 'delivery' },
  { text: 'pakket niet bezorgd', label: 'delivery' },
];

describe('trainClassifier and classify', () => {
  it('counts each word once per text, per label, with Laplace smoothing of 1', () => {
    const model = trainClassifier([...examples, { text: 'invoice invoice invoice', label: 'billing' }]);
    expect(model.labels).toEqual(['billing', 'delivery']);
    expect(model.documents).toEqual([4, 2]);
    expect(model.trainedOn).toBe(6);
    expect(model.alpha).toBe(1);
    expect(model.counts.invoice).toEqual([4, 0]);
    expect(model.counts.bezorgd).toEqual([0, 1]);
    expect(model.counts['charged_twice']).toEqual([1, 0]);
    expect(model.vocabulary).toBe(Object.keys(model.counts).length);
  });

  it('picks the most likely label with its posterior probability, ranking every label', () => {
    const model = trainClassifier(examples);
    const prediction = classify(model, 'My invoice is wrong!')!;
    expect(prediction.label).toBe('billing');
    expect(prediction.ranking.map((r) => r.label)).toEqual(['billing', 'delivery']);
    expect(prediction.confidence).toBe(prediction.ranking[0]!.probability);
    expect(prediction.ranking.reduce((a, r) => a + r.probability, 0)).toBeCloseTo(1, 12);
    expect(prediction.confidence).toBeGreaterThan(0.8);
    expect(classify(model, 'Mijn pakket is niet bezorgd')!.label).toBe('delivery');
  });

  it('computes the posterior exactly as multinomial naive Bayes does', () => {
    // two labels, one text each: a: "red", b: "blue"; vocabulary 2, alpha 1
    const model = trainClassifier([{ text: 'red', label: 'a' }, { text: 'blue', label: 'b' }]);
    // P(red|a) = (1+1)/(1+2), P(red|b) = (0+1)/(1+2), equal priors: posterior of a = 2/3
    expect(classify(model, 'red')!.confidence).toBeCloseTo(2 / 3, 12);
    expect(classify(model, 'red')!.label).toBe('a');
  });

  it('answers null without a model or without a word the model has seen', () => {
    expect(classify(trainClassifier([]), 'anything')).toBeNull();
    expect(classify(trainClassifier(examples), 'xyzzy plugh 42')).toBeNull();
    expect(trainClassifier([{ text: '123 !!', label: 'billing' }])).toMatchObject({ labels: [], trainedOn: 0 });
  });

  it('breaks a tie by the label in code-point order', () => {
    const model = trainClassifier([{ text: 'same words', label: 'zeta' }, { text: 'same words', label: 'alpha' }]);
    expect(classify(model, 'same words')).toMatchObject({ label: 'alpha', confidence: 0.5 });
  });

  it('is deterministic and its model round-trips through JSON', () => {
    const a = trainClassifier(examples);
    const b = trainClassifier(examples);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const restored = JSON.parse(JSON.stringify(a)) as ReasonModel;
    expect(restored).toEqual(a);
    expect(classify(restored, 'parcel not delivered on time')).toEqual(classify(a, 'parcel not delivered on time'));
  });
});
