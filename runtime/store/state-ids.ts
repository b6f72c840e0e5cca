// The state ids a state value is in (ancestors and leaves), for the `state` filter of the case list.
import type { StateValue } from '../engine/index.ts';

export function stateIds(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  const ids: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    ids.push(key, ...stateIds(child));
  }
  return ids;
}

/** Space-delimited with a space at each end, so `LIKE '% id %'` matches one whole id. */
export function stateIdsColumn(value: StateValue): string {
  return ` ${stateIds(value).join(' ')} `;
}
