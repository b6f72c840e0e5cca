// The guards of a state's script branches (`when`, other than `{ answer }`), rewritten in place: renaming a
// state or a rule follows into scripts (docs/scripts.md). Its own module so that states.ts and rename-rule.ts
// can use it without importing the script edits.
import type { Guard, StateNode } from '../../../schemas/generated/case-type.ts';

export function mapScriptGuards(node: StateNode, map: (guard: Guard) => Guard): void {
  for (const step of node.script?.steps ?? []) {
    for (const branch of step.branches ?? []) {
      const when = branch.when;
      if (when === undefined || (typeof when === 'object' && 'answer' in when)) continue;
      branch.when = map(when);
    }
  }
}
