// Push routing (docs/routing.md): a queue names each skill once (a name, or { skill, level }), and an offer
// gets some time to be answered.
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asArray, asObject, asString, isObject, ptr } from './util.ts';

export function lintRouting(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const [name, queue] of Object.entries(asObject(model.def.queues))) {
    const seen = new Set<string>();
    asArray(asObject(queue).skills).forEach((item, i) => {
      const skill = typeof item === 'string' ? item : isObject(item) ? asString(item.skill) : undefined;
      if (skill === undefined) return;
      if (seen.has(skill)) problems.push(createProblem('queue.duplicate_skill', ptr('/queues', name, 'skills', String(i)), { name, skill }));
      seen.add(skill);
    });
    const timeout = asString(asObject(asObject(queue).routing).offerTimeout);
    // a duration of the format's pattern without a digit other than 0 is no time at all (PT0S, P0D)
    if (timeout !== undefined && /^P[0-9WDTHMS]+$/.test(timeout) && !/[1-9]/.test(timeout)) {
      problems.push(createProblem('queue.offer_timeout_zero', ptr('/queues', name, 'routing', 'offerTimeout'), { name, duration: timeout }));
    }
  }
  return problems;
}
