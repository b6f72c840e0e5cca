// Edits of a state's interaction script (docs/scripts.md) as pure functions on the definition: add, change,
// move and remove steps and branches. Step ids are made here (step1, step2, ...) and never typed by the
// analyst; removing a step removes what led to it, so the script stays whole.
import type { CaseType, Script, ScriptBranch, ScriptStep } from '../../../schemas/generated/case-type.ts';
import { listStates, updateState } from './states.ts';
import { listRootTransitions, listTransitions } from './transitions.ts';

export function scriptOf(def: CaseType, stateId: string): Script | undefined {
  return listStates(def).find((s) => s.id === stateId)?.node.script;
}

/** Sets (or, with undefined, removes) a state's script. */
export function setScript(def: CaseType, stateId: string, script: Script | undefined): CaseType {
  return updateState(def, stateId, { script });
}

/** A step id not used in the script yet: step1, step2, ... */
export function newStepId(script: Script | undefined): string {
  const used = new Set((script?.steps ?? []).map((s) => s.id));
  let n = (script?.steps.length ?? 0) + 1;
  while (used.has(`step${n}`)) n++;
  return `step${n}`;
}

export function addStep(script: Script | undefined, say: string): Script {
  const step: ScriptStep = { id: newStepId(script), say };
  return script ? { ...script, steps: [...script.steps, step] } : { steps: [step] };
}

export function updateStep(script: Script, index: number, patch: Partial<ScriptStep>): Script {
  const steps = script.steps.map((s, i) => {
    if (i !== index) return s;
    const next: ScriptStep = { ...s, ...patch };
    for (const key of Object.keys(patch) as (keyof ScriptStep)[]) if (patch[key] === undefined) delete next[key];
    return next;
  });
  return { ...script, steps: steps as Script['steps'] };
}

/** Where a step leads when no branch is taken: 'below' (the step below it), 'end', or another step's id. */
export function setFollowing(script: Script, index: number, following: string): Script {
  if (following === 'below') return updateStep(script, index, { next: undefined, end: undefined });
  if (following === 'end') return updateStep(script, index, { next: undefined, end: true });
  return updateStep(script, index, { next: following, end: undefined });
}

export function followingOf(step: ScriptStep): string {
  return step.end === true ? 'end' : (step.next ?? 'below');
}

/** Removes a step and everything that led to it (a `next` naming it, branches going to it); the last step removes the script. */
export function removeStep(script: Script, index: number): Script | undefined {
  const gone = script.steps[index];
  if (!gone) return script;
  const steps = script.steps
    .filter((_, i) => i !== index)
    .map((s) => {
      const { next, branches, ...rest } = s;
      const kept = (branches ?? []).filter((b) => b.goto !== gone.id);
      return {
        ...rest,
        ...(next !== undefined && next !== gone.id ? { next } : {}),
        ...(kept.length > 0 ? { branches: kept } : {}),
      };
    });
  return steps.length > 0 ? { ...script, steps: steps as Script['steps'] } : undefined;
}

/** Moves a step up (-1) or down (+1); ids stay, so branches keep their targets. */
export function moveStep(script: Script, index: number, delta: -1 | 1): Script {
  const to = index + delta;
  if (to < 0 || to >= script.steps.length) return script;
  const steps = [...script.steps];
  const [step] = steps.splice(index, 1) as [ScriptStep];
  steps.splice(to, 0, step);
  return { ...script, steps: steps as Script['steps'] };
}

export function addBranch(script: Script, index: number, branch: ScriptBranch): Script {
  const step = script.steps[index];
  return step ? updateStep(script, index, { branches: [...(step.branches ?? []), branch] }) : script;
}

export function updateBranch(script: Script, index: number, branchIndex: number, branch: ScriptBranch): Script {
  const step = script.steps[index];
  if (!step) return script;
  return updateStep(script, index, { branches: (step.branches ?? []).map((b, j) => (j === branchIndex ? branch : b)) });
}

export function removeBranch(script: Script, index: number, branchIndex: number): Script {
  const step = script.steps[index];
  if (!step) return script;
  const branches = (step.branches ?? []).filter((_, j) => j !== branchIndex);
  return updateStep(script, index, { branches: branches.length > 0 ? branches : undefined });
}

/** A branch's target as one value: `step:<id>` or `event:<NAME>`. */
export function targetOf(branch: ScriptBranch): string {
  return branch.event !== undefined ? `event:${branch.event}` : `step:${branch.goto ?? ''}`;
}

export function withTarget(branch: ScriptBranch, target: string): ScriptBranch {
  const { goto: _g, event: _e, ...rest } = branch;
  const [kind, ...name] = target.split(':');
  return kind === 'event' ? { ...rest, event: name.join(':') } : { ...rest, goto: name.join(':') };
}

/** The events a script of the state can take as actions: those the state, a state around it or inside it, or the playbook itself has a transition on (people's events only). */
export function scriptEvents(def: CaseType, stateId: string): string[] {
  const parentOf = new Map(listStates(def).map((s) => [s.id, s.parent]));
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf.get(id) ?? null; p !== null && !out.includes(p); p = parentOf.get(p) ?? null) out.push(p);
    return out;
  };
  const related = (source: string) => source === stateId || chain(stateId).includes(source) || chain(source).includes(stateId);
  const events = [...listTransitions(def).filter((t) => related(t.source)), ...listRootTransitions(def)]
    .map((t) => t.event)
    .filter((e) => /^[A-Z][A-Z0-9_]*$/.test(e));
  return [...new Set(events)];
}
