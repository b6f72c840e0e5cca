// The contact-reason classifier (issue 21, docs/reason-suggestion.md): multinomial naive Bayes over
// the words of a case's text, with Laplace smoothing. Pure and deterministic: a model is plain JSON
// (trained here, kept and handed out by the host), and the same model and text give the same answer.

/** Words that say nothing about a reason, English and Dutch (after lower-casing and folding accents). */
const STOP_WORDS = new Set(
  (
    // English
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'me my no not of on or our please so that the their them then there they this to too us was we were what when which who ' +
    'will with would you your yours hello hi dear regards thanks thank kind best sir madam am just also still ' +
    // Dutch
    'aan al als ben bij dat de deze die dit door een en er is het hij hoe ik in is je jij jullie maar me met mijn na naar ' +
    'niet nog of om ons onze op te tot u uw van voor was wat we wij ze zij zijn zo zou heb hebt heeft had graag ' +
    'beste geachte mevrouw meneer groet groeten vriendelijke bedankt dank alvast ook nu wel dan hier daar'
  ).split(' '),
);

/** Tokens longer than this are cut (a long word's first letters carry it; a typo near its end does not split it). */
const MAX_TOKEN = 8;

/**
 * The words of a text, as the classifier counts them: lower case, accents folded (é → e), only runs of
 * letters (numbers, amounts and punctuation dropped), no stop words nor one-letter words, each cut to
 * its first MAX_TOKEN letters; then the pairs of neighbouring words (`charged_twice`).
 */
export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const words: string[] = [];
  for (const match of folded.matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    words.push(word.length > MAX_TOKEN ? word.slice(0, MAX_TOKEN) : word);
  }
  const tokens = [...words];
  for (let i = 1; i < words.length; i++) tokens.push(`${words[i - 1] as string}_${words[i] as string}`);
  return tokens;
}

/** A trained model: JSON as it is (serialised and read back unchanged). */
export interface ReasonModel {
  /** The values it can suggest, in code-point order (ties go to the first). */
  labels: string[];
  /** Per label (the order of `labels`): the training texts with it. */
  documents: number[];
  /** Per label: the tokens counted in its texts (each token once per text). */
  tokens: number[];
  /** Per token: its counts per label (the order of `labels`). */
  counts: Record<string, number[]>;
  /** The distinct tokens counted (the keys of `counts`). */
  vocabulary: number;
  /** The Laplace smoothing added to every count (1). */
  alpha: number;
  /** The texts it was trained on. */
  trainedOn: number;
}

export interface TrainingExample {
  text: string;
  label: string;
}

/**
 * Trains a model on labelled texts. A token counts once per text (binarised multinomial naive Bayes:
 * a word repeated in one text says no more about its reason). Texts without a counted word are left out.
 */
export function trainClassifier(examples: readonly TrainingExample[], alpha = 1): ReasonModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const documents = labels.map(() => 0);
  const tokens = labels.map(() => 0);
  const counts = new Map<string, number[]>();
  let trainedOn = 0;
  for (const example of examples) {
    const seen = new Set(tokenize(example.text));
    if (seen.size === 0) continue;
    const at = index.get(example.label) as number;
    trainedOn++;
    documents[at] = (documents[at] as number) + 1;
    tokens[at] = (tokens[at] as number) + seen.size;
    for (const token of seen) {
      let row = counts.get(token);
      if (row === undefined) {
        row = labels.map(() => 0);
        counts.set(token, row);
      }
      row[at] = (row[at] as number) + 1;
    }
  }
  // a plain object in sorted key order: the same examples give the same JSON
  const sorted: Record<string, number[]> = {};
  for (const token of [...counts.keys()].sort()) sorted[token] = counts.get(token) as number[];
  const kept = labels.map((_, i) => i).filter((i) => (documents[i] as number) > 0);
  return {
    labels: kept.map((i) => labels[i] as string),
    documents: kept.map((i) => documents[i] as number),
    tokens: kept.map((i) => tokens[i] as number),
    counts: Object.fromEntries(Object.entries(sorted).map(([token, row]) => [token, kept.map((i) => row[i] as number)])),
    vocabulary: counts.size,
    alpha,
    trainedOn,
  };
}

export interface ReasonPrediction {
  /** The most likely value. */
  label: string;
  /** Its posterior probability under the model (0..1). */
  confidence: number;
  /** Every value with its posterior probability, most likely first. */
  ranking: { label: string; probability: number }[];
}

/**
 * The most likely value for a text, with its posterior probability; null when the model has no value
 * or the text has no word the model has seen (nothing to go on but the prior).
 */
export function classify(model: ReasonModel, text: string): ReasonPrediction | null {
  const n = model.labels.length;
  if (n === 0 || model.trainedOn === 0) return null;
  const vocabulary = model.vocabulary;
  const known = [...new Set(tokenize(text))].filter((token) => Object.hasOwn(model.counts, token));
  if (known.length === 0) return null;
  const scores = model.labels.map((_, i) => {
    let score = Math.log((model.documents[i] as number) / model.trainedOn);
    const denominator = Math.log((model.tokens[i] as number) + model.alpha * vocabulary);
    for (const token of known) score += Math.log(((model.counts[token] as number[])[i] as number) + model.alpha) - denominator;
    return score;
  });
  const top = Math.max(...scores);
  const weights = scores.map((s) => Math.exp(s - top));
  const sum = weights.reduce((a, b) => a + b, 0);
  const ranking = model.labels
    .map((label, i) => ({ label, probability: (weights[i] as number) / sum }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const best = ranking[0] as { label: string; probability: number };
  return { label: best.label, confidence: best.probability, ranking };
}
