// Linking an existing case as a child of another (docs/linked-work.md): the rules (same tenant, not
// itself, open cases only, a child has one parent, no loop), then the link written on the child (its
// parentId, `parent.linked` in its history) and recorded on the parent (`child.linked`, its children
// list). The child's commit is the link: child.closed, sendToChildren and the console's list of
// children all read the child's parentId.
import type { Actor, Case, LinkChange, Outcome, Undelivered } from '../engine/index.ts';
import type { CaseStore, StoredCase } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import type { CaseView } from './case-view.ts';
import type { EnginePort } from './engine-port.ts';
import { fail, type HostFailure, type Result } from './host-result.ts';

export interface LinkTarget {
  /** The child's id. */
  childId?: string;
  /** Or its reference as people read it (INC-000123). */
  reference?: string;
}

export interface LinkResult {
  parent: CaseView;
  child: CaseView;
}

export interface LinkService {
  linkChild(tenant: string, parentId: string, target: LinkTarget, actor: Actor): Promise<Result<LinkResult>>;
  unlinkChild(tenant: string, parentId: string, childId: string, actor: Actor): Promise<Result<LinkResult>>;
  /**
   * Records on the sending case that a linked case did not take its event (`linked.undelivered`); null when
   * recorded, else why not (the sender is closed or gone: nothing is recorded then).
   */
  recordUndelivered(tenant: string, senderId: string, undelivered: Undelivered): Promise<HostFailure | null>;
}

/** How far up a chain of parents the loop check looks; deeper chains are refused as loops. */
const MAX_DEPTH = 1000;

function name(kase: StoredCase): string {
  return kase.reference;
}

export function createLinkService<C>(options: { store: CaseStore; cases: CaseService; engine: EnginePort<C> }): LinkService {
  const { store, cases, engine } = options;

  /** Records `change` on the case `id` (checked again on the fresh case by `check`), under its lock. */
  async function record(tenant: string, id: string, change: LinkChange, actor: Actor, check: (kase: Case) => HostFailure | null): Promise<HostFailure | null> {
    const stored = await store.getCase(tenant, id);
    if (stored === null) return fail('case.not_found', `There is no case '${id}'.`);
    const type = await cases.loadType(tenant, stored.caseType, stored.version);
    if (type === null) return fail('case_type.not_found', `Case type ${stored.caseType}@${stored.version} is missing.`);
    let refused: HostFailure | null = null;
    const done = await cases.applyStep(
      tenant,
      id,
      (kase, now): Outcome | { ok: false } => {
        refused = check(kase);
        if (refused !== null) return { ok: false };
        if (kase.version !== stored.version) {
          refused = fail('case.conflict', 'The case moved to another version while it was being linked; try again.');
          return { ok: false };
        }
        const outcome = engine.recordLink(type.compiled as C, kase, change, now, actor);
        if (!outcome.ok) refused = fail('link.closed', `${stored.reference} is closed: only open cases can be linked or unlinked.`);
        return outcome;
      },
      actor,
    );
    if ('missing' in done) return fail('case.not_found', `There is no case '${id}'.`);
    if ('conflict' in done) return fail('case.conflict', 'The case kept changing while it was being linked; try again.');
    return refused as HostFailure | null;
  }

  async function views(tenant: string, parentId: string, childId: string, actor: Actor): Promise<Result<LinkResult>> {
    const parent = await cases.getView(tenant, parentId, actor);
    const child = await cases.getView(tenant, childId, actor);
    if (parent === null || child === null) return fail('case.not_found', 'The case is gone.');
    return { ok: true, value: { parent: parent.view, child: child.view } };
  }

  return {
    async recordUndelivered(tenant, senderId, undelivered) {
      const stored = await store.getCase(tenant, senderId);
      if (stored === null) return fail('case.not_found', `There is no case '${senderId}'.`);
      const type = await cases.loadType(tenant, stored.caseType, stored.version);
      if (type === null) return fail('case_type.not_found', `Case type ${stored.caseType}@${stored.version} is missing.`);
      let refused: HostFailure | null = null;
      const done = await cases.applyStep(
        tenant,
        senderId,
        (kase, now): Outcome | { ok: false } => {
          if (kase.version !== stored.version) {
            refused = fail('case.conflict', 'The case moved to another version; try again.');
            return { ok: false };
          }
          const outcome = engine.recordUndelivered(type.compiled as C, kase, undelivered, now);
          if (!outcome.ok) refused = fail(outcome.code, outcome.message);
          return outcome;
        },
        undefined,
      );
      if ('missing' in done) return fail('case.not_found', `There is no case '${senderId}'.`);
      if ('conflict' in done) return fail('case.conflict', 'The case kept changing; try again.');
      return refused as HostFailure | null;
    },

    async linkChild(tenant, parentId, target, actor) {
      const parent = await store.getCase(tenant, parentId);
      if (parent === null) return fail('case.not_found', `There is no case '${parentId}'.`);
      const reference = target.reference?.trim();
      const child =
        target.childId !== undefined ? await store.getCase(tenant, target.childId) : reference !== undefined && reference !== '' ? await store.caseByReference(tenant, reference.toUpperCase()) : null;
      if (child === null) {
        const [pointer, what] = target.childId !== undefined ? ['/childId', `id '${target.childId}'`] : ['/reference', `reference '${reference ?? ''}'`];
        return fail('link.not_found', `There is no case with ${what} to link as a child; check the reference.`, { problems: [{ pointer, message: `${pointer}: no case with this ${pointer === '/childId' ? 'id' : 'reference'}` }] });
      }
      if (child.id === parent.id) return fail('link.self', `${name(parent)} cannot be a child of itself; give the reference of another case.`);
      for (const kase of [parent, child]) {
        if (kase.closedAt !== null) return fail('link.closed', `${name(kase)} is closed: only open cases can be linked.`);
      }
      if (child.parentId !== null) {
        const current = await store.getCase(tenant, child.parentId);
        const where = child.parentId === parent.id ? 'this case' : (current?.reference ?? 'another case');
        return fail('link.has_parent', `${name(child)} is already a child of ${where}; a case has one parent (unlink it there first).`);
      }
      // a loop: the child is the parent itself, or one of its ancestors
      let up: StoredCase | null = parent;
      for (let depth = 0; up !== null && up.parentId !== null; depth++) {
        if (up.parentId === child.id || depth >= MAX_DEPTH) {
          return fail('link.cycle', `${name(child)} is above ${name(parent)} in its chain of parent cases: linking it as a child would make a loop.`);
        }
        up = await store.getCase(tenant, up.parentId);
      }
      const onChild = await record(tenant, child.id, { kind: 'parentLinked', caseId: parent.id, reference: parent.reference }, actor, (kase) =>
        kase.parentId !== null ? fail('link.has_parent', `${name(child)} was just linked to another case; a case has one parent.`) : null,
      );
      if (onChild !== null) return onChild;
      const onParent = await record(tenant, parent.id, { kind: 'childLinked', caseId: child.id, reference: child.reference }, actor, () => null);
      if (onParent !== null) return onParent;
      return views(tenant, parent.id, child.id, actor);
    },

    async unlinkChild(tenant, parentId, childId, actor) {
      const parent = await store.getCase(tenant, parentId);
      if (parent === null) return fail('case.not_found', `There is no case '${parentId}'.`);
      const child = await store.getCase(tenant, childId);
      if (child === null || child.parentId !== parent.id) {
        return fail('link.not_linked', `${child === null ? `There is no case '${childId}'` : `${name(child)} is not a child of ${name(parent)}`}; nothing to unlink.`);
      }
      for (const kase of [parent, child]) {
        if (kase.closedAt !== null) return fail('link.closed', `${name(kase)} is closed: only open cases can be unlinked.`);
      }
      const onChild = await record(tenant, child.id, { kind: 'parentUnlinked', caseId: parent.id, reference: parent.reference }, actor, (kase) =>
        kase.parentId !== parent.id ? fail('link.not_linked', `${name(child)} is no longer a child of ${name(parent)}.`) : null,
      );
      if (onChild !== null) return onChild;
      const onParent = await record(tenant, parent.id, { kind: 'childUnlinked', caseId: child.id, reference: child.reference }, actor, () => null);
      if (onParent !== null) return onParent;
      return views(tenant, parent.id, child.id, actor);
    },
  };
}
