// Linked cases in the simulator (docs/linked-work.md), pure: after each step, the effects that reach other
// cases are worked through with the engine itself, as the server's outbox does — createCase opens a
// simulated child (of the draft when it names the case type itself, else of a case type the designer has
// loaded), sendToChildren / sendToParent deliver their events (the same choice of receivers and the same
// refusal record, `linked.undelivered`, as the server), a child reaching its end tells its parent
// (child.closed). The children are kept with each snapshot, so stepping back undoes them too; an event can
// be sent to a child (`sendToChild`), and moving the clock fires the children's timers as well.
import { applyEvent, childDeliveries, createCase, dueTimers, fireTimer, parentDelivery, recordUndelivered } from '../../../runtime/engine/index.ts';
import type { Case, CaseData, CompiledCaseType, Effect, HistoryEntry, Instant, Outcome, Rejection } from '../../../runtime/engine/index.ts';
import { SCENARIO_ACTOR, SCENARIO_CASE_ID } from '../../../runtime/scenarios/index.ts';
import { current, type SimResult, type SimSnapshot, type Simulation } from './simulator.ts';

/** One simulated child case: its case type's key, the case, and its history so far. */
export interface SimChild {
  key: string;
  case: Case;
  entries: HistoryEntry[];
}

export interface SimFamily {
  /** The child cases (children of children too), in the order they were opened. */
  children: SimChild[];
  /** Child cases that could not be simulated (their case type is not loaded), by case type key. */
  missing: string[];
}

/** The case type of a key: the draft for its own key, a loaded published one, or null. */
export type TypeResolver = (key: string) => CompiledCaseType | null;

/** How many effects one step may set off across the cases (a loop of events between parent and children stops here). */
const MAX_EFFECTS = 1000;

export function familyOf(sim: Simulation): SimFamily {
  return current(sim).family ?? { children: [], missing: [] };
}

interface Member {
  key: string;
  case: Case;
  entries: HistoryEntry[];
}

/** Works `effects` (sent by case `from`) through the cases, the main case included; returns the cases changed. */
function work(members: Map<string, Member>, missing: string[], queue: { from: string; effect: Effect }[], now: Instant, resolve: TypeResolver): void {
  const typeOf = (member: Member) => resolve(member.key);
  const accept = (id: string, outcome: Outcome) => {
    const member = members.get(id);
    if (!outcome.ok || member === undefined) return;
    members.set(id, { ...member, case: outcome.case, entries: [...member.entries, outcome.history] });
    for (const effect of outcome.effects) queue.push({ from: id, effect });
  };
  const refusedBy = (sender: string, receiver: Member, event: string, to: 'parent' | 'child', rejection: Rejection) => {
    const from = members.get(sender);
    const type = from === undefined ? null : typeOf(from);
    if (from === undefined || type === null) return;
    accept(sender, recordUndelivered(type, from.case, { event, caseId: receiver.case.id, reference: receiver.case.id, to, code: rejection.code, reason: rejection.message }, now));
  };
  const deliver = (sender: string, receiverId: string, event: { type: string; data?: CaseData }, to: 'parent' | 'child') => {
    const receiver = members.get(receiverId);
    const type = receiver === undefined ? null : typeOf(receiver);
    if (receiver === undefined || type === null) return;
    const outcome = applyEvent(type, receiver.case, event, now, { id: sender, roles: ['admin'] });
    if (outcome.ok) accept(receiverId, outcome);
    else refusedBy(sender, receiver, event.type, to, outcome);
  };
  for (let n = 0; n < queue.length && n < MAX_EFFECTS; n++) {
    const { from, effect } = queue[n] as { from: string; effect: Effect };
    switch (effect.type) {
      case 'createCase': {
        const type = resolve(effect.caseType);
        if (type === null) {
          if (!missing.includes(effect.caseType)) missing.push(effect.caseType);
          break;
        }
        if (members.has(effect.childId)) break;
        const created = createCase(type, { id: effect.childId, data: effect.data, parentId: effect.parentId }, now, SCENARIO_ACTOR);
        if (!created.ok) break;
        members.set(effect.childId, { key: effect.caseType, case: created.case, entries: [created.history] });
        for (const next of created.effects) queue.push({ from: effect.childId, effect: next });
        break;
      }
      case 'sendToChildren': {
        const refs = [...members.values()].filter((m) => m.case.parentId === from).map((m) => ({ id: m.case.id, caseType: m.key, closedAt: m.case.closedAt }));
        for (const delivery of childDeliveries(effect, refs)) deliver(from, delivery.caseId, delivery.event, 'child');
        break;
      }
      case 'sendToParent': {
        const parentId = members.get(from)?.case.parentId ?? null;
        const parent = parentId === null ? undefined : members.get(parentId);
        const delivery = parentDelivery(effect, parent === undefined ? null : { id: parent.case.id, caseType: parent.key, closedAt: parent.case.closedAt });
        if (delivery !== null) deliver(from, delivery.caseId, delivery.event, 'parent');
        break;
      }
      case 'childClosed': {
        const parent = members.get(effect.parentId);
        const type = parent === undefined ? null : typeOf(parent);
        // a parent without a transition for child.closed takes nothing, as on the server
        if (parent !== undefined && type !== null) accept(effect.parentId, applyEvent(type, parent.case, { type: 'child.closed' }, now));
        break;
      }
      default:
        break;
    }
  }
}

/**
 * The step that made the last snapshot of `sim`, with its effects worked through the linked cases: the
 * children opened, the events delivered, the main case changed by what reached it (its entries added).
 * Moving the clock fires the children's due timers too, up to the snapshot's time.
 */
export function withLinked(sim: Simulation, mainKey: string, resolve: TypeResolver): Simulation {
  const snap = current(sim);
  const family = snap.family ?? { children: [], missing: [] };
  if ((snap.effects ?? []).length === 0 && family.children.length === 0) return sim;
  const members = new Map<string, Member>([[snap.case.id, { key: mainKey, case: snap.case, entries: [] }]]);
  for (const child of family.children) members.set(child.case.id, { key: child.key, case: child.case, entries: child.entries });
  const missing = [...family.missing];
  const queue = (snap.effects ?? []).map((effect) => ({ from: snap.case.id, effect }));
  work(members, missing, queue, snap.now, resolve);
  if (snap.step !== null && 'advance' in snap.step) {
    // the children's own timers, each at its due time (after the main case's, which moved first)
    for (const child of family.children) {
      for (let count = 0; count < MAX_EFFECTS; count++) {
        const member = members.get(child.case.id) as Member;
        const type = resolve(member.key);
        const [due] = type === null ? [] : dueTimers(member.case, snap.now);
        if (type === null || due === undefined) break;
        const fired = fireTimer(type, member.case, due.id, due.dueAt > member.case.updatedAt ? due.dueAt : member.case.updatedAt);
        if (!fired.ok) break;
        members.set(child.case.id, { ...member, case: fired.case, entries: [...member.entries, fired.history] });
        work(members, missing, fired.effects.map((effect) => ({ from: child.case.id, effect })), due.dueAt, resolve);
      }
    }
  }
  const main = members.get(snap.case.id) as Member;
  members.delete(snap.case.id);
  const next: SimSnapshot = {
    ...snap,
    case: main.case,
    entries: [...snap.entries, ...main.entries],
    family: { children: [...members.values()].map((m) => ({ key: m.key, case: m.case, entries: m.entries })), missing },
  };
  return { ...sim, snapshots: [...sim.snapshots.slice(0, -1), next] };
}

/** A simulator step already made, with its linked effects worked through; a rejection is passed on as it is. */
export function linkedResult(result: SimResult, mainKey: string, resolve: TypeResolver): SimResult {
  return result.ok ? { ok: true, sim: withLinked(result.sim, mainKey, resolve) } : result;
}

/**
 * Sends an event to a simulated child case now (as the scenario actor), and works its effects through the
 * cases: one snapshot more, the main case unchanged unless something reached it. A refusal changes nothing.
 */
export function sendToChild(sim: Simulation, childId: string, event: string, data: CaseData | undefined, mainKey: string, resolve: TypeResolver): SimResult {
  const snap = current(sim);
  const family = familyOf(sim);
  const child = family.children.find((c) => c.case.id === childId);
  const type = child === undefined ? null : resolve(child.key);
  if (child === undefined || type === null) return { ok: false, rejection: { ok: false, code: 'event.unknown', message: `There is no simulated child case '${childId}'.`, problems: [] } };
  const payload = data !== undefined && Object.keys(data).length > 0 ? data : undefined;
  const outcome = applyEvent(type, child.case, { type: event, ...(payload ? { data: payload } : {}) }, snap.now, SCENARIO_ACTOR);
  if (!outcome.ok) return { ok: false, rejection: outcome };
  const children = family.children.map((c) => (c.case.id === childId ? { ...c, case: outcome.case, entries: [...c.entries, outcome.history] } : c));
  const members = new Map<string, Member>([[snap.case.id, { key: mainKey, case: snap.case, entries: [] }]]);
  for (const c of children) members.set(c.case.id, { key: c.key, case: c.case, entries: c.entries });
  const missing = [...family.missing];
  work(members, missing, outcome.effects.map((effect) => ({ from: childId, effect })), snap.now, resolve);
  const main = members.get(snap.case.id) as Member;
  members.delete(snap.case.id);
  const next: SimSnapshot = {
    case: main.case,
    now: snap.now,
    label: `send ${event} to child ${String(family.children.indexOf(child) + 1)}`,
    // a check step in a saved scenario: the scenario format speaks of one case only
    step: null,
    entries: main.entries,
    family: { children: [...members.values()].map((m) => ({ key: m.key, case: m.case, entries: m.entries })), missing },
  };
  return { ok: true, sim: { ...sim, snapshots: [...sim.snapshots, next] } };
}

/** A simulated child case as a one-snapshot run, for the views that show a run's case (state, SLAs, history). */
export function childRun(sim: Simulation, child: SimChild): Simulation {
  const snap = current(sim);
  return { start: child.case.createdAt, data: child.case.data, snapshots: [{ case: child.case, now: snap.now, label: child.case.id, step: null, entries: child.entries }] };
}

/** The case types a definition opens child cases of (its createCase actions), each once, in order. */
export function childCaseTypes(def: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'createCase' && typeof record.caseType === 'string' && !found.includes(record.caseType)) found.push(record.caseType);
    Object.values(record).forEach(walk);
  };
  walk(def);
  return found;
}

/**
 * Whether linked cases changed this run's case (an event sent to a child, or something a child sent back:
 * its events, child.closed, an undelivered record): a scenario speaks of one case, so such a run cannot be
 * saved as one and replayed the same.
 */
export function touchedByLinked(sim: Simulation): boolean {
  return sim.snapshots.some(
    (s) =>
      /^send \S+ to child \d+$/.test(s.label) ||
      s.entries.some((e) => e.event.type === 'child.closed' || e.event.type === 'linked.undelivered' || e.actor.startsWith(`${SCENARIO_CASE_ID}-`)),
  );
}
