// Lint of sendToChildren / sendToParent (docs/linked-work.md): the event sent must exist in the receiving
// case type where that type is knowable here — the one the action names (`caseType`), or else the types this
// definition opens children of (createCase); this definition itself when it names its own key; the events of
// other case types when the caller gives them (`caseTypeEvents`, e.g. the published ones). A parent's type
// is known only when the event is delivered, so sendToParent is not checked here.
import { createProblem, type Problem } from '../problems.ts';
import type { Model } from './model.ts';
import { asObject, asString, didYouMean, ptr } from './util.ts';

export interface LinkedOptions {
  knownCaseTypes?: readonly string[];
  /** The events of other case types by key (published ones), to check the events sent to their cases. */
  caseTypeEvents?: Readonly<Record<string, readonly string[]>>;
}

export function lintLinked(model: Model, options: LinkedOptions): Problem[] {
  const problems: Problem[] = [];
  const def = asObject(model.def);
  const ownKey = asString(def.key);
  const ownEvents = Object.keys(asObject(def.events));
  const eventsOf = (key: string): readonly string[] | undefined => (key === ownKey ? ownEvents : options.caseTypeEvents?.[key]);
  const childTypes = [...new Set(model.actions.flatMap(({ action }) => (action.type === 'createCase' && typeof action.caseType === 'string' ? [action.caseType] : [])))];
  for (const { pointer, action } of model.actions) {
    if (action.type !== 'sendToChildren') continue;
    const event = asString(action.event);
    if (event === undefined) continue;
    const named = asString(action.caseType);
    if (named !== undefined && options.knownCaseTypes !== undefined && named !== ownKey && !options.knownCaseTypes.includes(named)) {
      problems.push(createProblem('case_type.unknown', ptr(pointer, 'caseType'), { name: named, hint: didYouMean(named, options.knownCaseTypes) }));
      continue;
    }
    const targets = named !== undefined ? [named] : childTypes;
    const known = targets.flatMap((key) => {
      const events = eventsOf(key);
      return events === undefined ? [] : [{ key, events }];
    });
    // only when every receiving type is known and none of them has the event: some may take it otherwise
    if (known.length === 0 || known.length < targets.length || known.some((k) => k.events.includes(event))) continue;
    const keys = known.map((k) => `'${k.key}'`);
    const names = keys.length === 1 ? `case type ${keys.join('')}` : `case types ${keys.slice(0, -1).join(', ')} and ${keys.at(-1) ?? ''}`;
    problems.push(createProblem('linked.event_unknown', ptr(pointer, 'event'), { name: event, caseType: names, hint: didYouMean(event, known.flatMap((k) => k.events)) }));
  }
  return problems;
}
