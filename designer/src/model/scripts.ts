// Interaction scripts (docs/scripts.md): which script applies to a case's state, and the walker — where the
// agent is in it given the moves made so far, what Next does with the answers typed so far, and which field
// a step fills. Pure: guards are evaluated by the caller's `holds` (the engine's, over the working copy).
import type { CaseType, Guard, Script, ScriptBranch, ScriptStep } from '../../../schemas/generated/case-type.ts';
import { activeStateIds, getAtPointer, indexPlaybook, jsonEqual } from '../../../runtime/engine/index.ts';
import type { JsonValue, StateValue } from '../../../runtime/engine/index.ts';

/** One step left: by Next (`branch` absent, or the index of the conditional branch Next took) or by a branch the agent chose. */
export interface ScriptMove {
  from: string;
  /** The step it led to; null when the script ended there. */
  to: string | null;
  branch?: number;
}

export type ScriptTrail = readonly ScriptMove[];

export interface DoneStep {
  step: ScriptStep;
  /** The branch that left it, or null for Next. */
  via: ScriptBranch | null;
}

export interface ScriptPosition {
  /** The step the agent is at; null once the script has ended. */
  current: ScriptStep | null;
  /** The steps done, in the order they were done (a step may appear twice after a branch back). */
  done: DoneStep[];
  /** The moves that still fit the script (a trail written for another definition is cut where it stops fitting). */
  trail: ScriptMove[];
}

/** What Next does at a step, given the answers typed so far. */
export type NextOutcome =
  | { kind: 'step'; to: ScriptStep; branch?: number }
  | { kind: 'event'; event: string; branch: number }
  | { kind: 'end'; branch?: number };

/** The script of the case's state: the innermost active state that has one (a state's script covers the states inside it). */
export function scriptFor(def: CaseType, state: StateValue): { stateId: string; script: Script } | null {
  const index = indexPlaybook(def.playbook);
  const active = activeStateIds(state)
    .map((id) => index.states.get(id))
    .filter((s) => s !== undefined);
  // deepest first: a child's script is more specific than its parent's
  const depth = (id: string): number => {
    let d = 0;
    for (let p = index.states.get(id)?.parent ?? null; p !== null; p = index.states.get(p)?.parent ?? null) d++;
    return d;
  };
  const withScript = active.filter((s) => s.node.script !== undefined).sort((a, b) => depth(b.id) - depth(a.id) || a.order - b.order);
  const found = withScript[0];
  return found?.node.script ? { stateId: found.id, script: found.node.script } : null;
}

export function stepById(script: Script, id: string): ScriptStep | undefined {
  return script.steps.find((s) => s.id === id);
}

/** The field a step's question fills, or null. */
export function filledBy(step: ScriptStep): string | null {
  return step.ask?.field ?? null;
}

/** Every field the script's questions fill, in step order, each once. */
export function scriptFields(script: Script): string[] {
  return [...new Set(script.steps.map(filledBy).filter((f): f is string => f !== null))];
}

/** Where the agent is: the first step, then wherever the trail's moves led, as long as they fit the script. */
export function walkScript(script: Script, trail: ScriptTrail): ScriptPosition {
  let current: ScriptStep | null = script.steps[0];
  const done: DoneStep[] = [];
  const kept: ScriptMove[] = [];
  for (const move of trail) {
    if (current === null || move.from !== current.id) break;
    const via = move.branch === undefined ? null : current.branches?.[move.branch];
    if (via === undefined) break;
    const to = move.to === null ? null : stepById(script, move.to);
    if (to === undefined) break;
    done.push({ step: current, via });
    kept.push(move);
    current = to;
  }
  return { current, done, trail: kept };
}

/** The step that follows a step when no branch is taken: its `next`, else the step below it; null at the end. */
export function followingStep(script: Script, step: ScriptStep): ScriptStep | null {
  if (step.end === true) return null;
  if (step.next !== undefined) return stepById(script, step.next) ?? null;
  const i = script.steps.indexOf(step);
  return script.steps[i + 1] ?? null;
}

function isAnswer(when: NonNullable<ScriptBranch['when']>): when is { answer: unknown } {
  return typeof when === 'object' && 'answer' in when;
}

/** Whether a conditional branch's `when` holds: the step's answer equals the value, or the guard holds. */
export function branchHolds(step: ScriptStep, branch: ScriptBranch, data: Record<string, unknown>, holds: (guard: Guard) => boolean): boolean {
  const when = branch.when;
  if (when === undefined) return false;
  if (isAnswer(when)) {
    const field = filledBy(step);
    if (field === null) return false;
    const answer = getAtPointer(data as JsonValue, field);
    return answer !== undefined && jsonEqual(answer, when.answer as JsonValue);
  }
  return holds(when);
}

/** The branches the agent chooses between (those without `when`), with their index. */
export function choices(step: ScriptStep): { branch: ScriptBranch; index: number }[] {
  return (step.branches ?? []).flatMap((branch, index) => (branch.when === undefined ? [{ branch, index }] : []));
}

/** What Next does: the first conditional branch whose `when` holds, else the following step, else the end. */
export function nextOutcome(script: Script, step: ScriptStep, data: Record<string, unknown>, holds: (guard: Guard) => boolean): NextOutcome {
  const branches = step.branches ?? [];
  for (let index = 0; index < branches.length; index++) {
    const branch = branches[index] as ScriptBranch;
    if (!branchHolds(step, branch, data, holds)) continue;
    if (branch.event !== undefined) return { kind: 'event', event: branch.event, branch: index };
    const to = branch.goto === undefined ? undefined : stepById(script, branch.goto);
    if (to) return { kind: 'step', to, branch: index };
  }
  const to = followingStep(script, step);
  return to ? { kind: 'step', to } : { kind: 'end' };
}

/** The move of taking a branch the agent chose (a `goto`); undefined for a branch that is an action. */
export function branchMove(script: Script, step: ScriptStep, index: number): ScriptMove | undefined {
  const branch = step.branches?.[index];
  if (branch?.goto === undefined) return undefined;
  const to = stepById(script, branch.goto);
  return to ? { from: step.id, to: to.id, branch: index } : undefined;
}

/** The move Next makes, for a step or end outcome (an event outcome is an action, not a move). */
export function nextMove(step: ScriptStep, outcome: NextOutcome): ScriptMove | undefined {
  if (outcome.kind === 'event') return undefined;
  const to = outcome.kind === 'step' ? outcome.to.id : null;
  return outcome.branch === undefined ? { from: step.id, to } : { from: step.id, to, branch: outcome.branch };
}

/** The trail without its last move (Back). */
export function back(trail: ScriptTrail): ScriptMove[] {
  return trail.slice(0, -1);
}
