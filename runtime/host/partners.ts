// Outsourced partners (issue 18, item 3; ServiceNow's outsourcer model, the seeds' back offices): an admin
// delegates queues to a partner organisation; its people (tokens and sign-ins that name the partner) see
// and work only the cases and tasks in those queues, see only the fields the case type shares
// (`shareable`), may change only those, and their actions carry the partner in history. The store filters
// by the queues (CaseFilter.queues, TaskFilter.queues, claim and release); this module says what a
// partner's person may see of a case, its history and an answer. docs/partners.md.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import { isShared, sharedData, sharedPatchOp, shareTree, unsharedPointers, type ShareTree } from '../../schemas/sharing.ts';
import type { CaseData, HistoryEntry, JsonValue } from '../engine/index.ts';
import { getAtPointer } from '../engine/index.ts';
import type { CaseStore, PartnerRecord, TokenRecord } from '../store/case-store.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';
import { forgetVerified } from './tokens.ts';

const PARTNER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** What a partner's person may reach: the partner and its delegated queues (none once the partner is removed). */
export interface PartnerScope {
  partner: string;
  queues: readonly string[];
}

/** The scope of the caller: null for the tenant's own people and machines. */
export async function partnerScope(store: CaseStore, token: TokenRecord): Promise<PartnerScope | null> {
  if (token.partner === undefined) return null;
  const partner = await store.getPartner(token.tenant, token.partner);
  return { partner: token.partner, queues: partner?.queues ?? [] };
}

/** Whether a case or task in `queue` is the partner's to see. */
export function inScope(scope: PartnerScope, queue: string | null): boolean {
  return queue !== null && scope.queues.includes(queue);
}

type Shared = { tree: ShareTree; definition: CaseType | null };

/** Published versions never change: their share trees are kept per store (a few hundred at most). */
const treesByStore = new WeakMap<CaseStore, Map<string, Promise<Shared>>>();

/** The share tree (and definition) of a published version, looked up once per store. */
export function shareTrees(store: CaseStore, tenant: string): (caseType: string, version: number) => Promise<Shared> {
  let seen = treesByStore.get(store);
  if (seen === undefined) {
    seen = new Map();
    treesByStore.set(store, seen);
  }
  const cache = seen;
  return (caseType, version) => {
    const key = `${tenant}\u0000${caseType}@${version}`;
    let found = cache.get(key);
    if (found === undefined) {
      found = store.getCaseType(tenant, caseType, version).then((t) => ({
        definition: t?.definition ?? null,
        tree: t === null ? { all: false, children: new Map() } : shareTree(t.definition),
      }));
      // a version not found (yet) is not kept: it may be published later
      void found.then(
        (f) => {
          if (f.definition === null) cache.delete(key);
        },
        () => cache.delete(key),
      );
      if (cache.size >= 1000) cache.clear();
      cache.set(key, found);
    }
    return found;
  };
}

type Obj = Record<string, unknown>;

/**
 * A case as a partner sees it (any answer shaped as a case view: a view, an event's answer, a stored
 * replay): the data cut to the shared fields, the customer's name only where it is shared, no messages
 * (their addresses are the customer's).
 */
export function partnerCaseBody<T>(body: T, tree: ShareTree, definition: CaseType | null): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const view = body as unknown as Obj;
  if (typeof view.data !== 'object' || view.data === null) return body;
  const data = sharedData(view.data as Obj, tree);
  const namePointer = definition?.customer?.name;
  const name = namePointer === undefined ? undefined : getAtPointer(data as JsonValue, namePointer);
  const out: Obj = { ...view, data, customerName: typeof name === 'string' ? name : null };
  if ('messages' in out) out.messages = [];
  // what blocks a checklist rule or an event, only where it is a shared field's (the rule's or event's title stays)
  if (Array.isArray(out.checklist)) out.checklist = out.checklist.map((item: Obj) => ({ ...item, problems: sharedProblems(item.problems, tree) }));
  if (Array.isArray(out.next)) out.next = out.next.map((item: Obj) => ({ ...item, problems: sharedProblems(item.problems, tree) }));
  return out as T;
}

/** The problems (`{ pointer, message }` into the case data) about shared fields only. */
export function sharedProblems<P>(problems: P, tree: ShareTree): P {
  if (!Array.isArray(problems)) return problems;
  return problems.filter((p: unknown) => {
    const pointer = (p as { pointer?: unknown }).pointer;
    return typeof pointer === 'string' && isShared(pointer, tree);
  }) as P;
}

/** A history entry as a partner sees it: the event's data and the changes cut to the shared fields. */
export function partnerHistoryEntry(entry: HistoryEntry, tree: ShareTree): HistoryEntry {
  const event = entry.event.data === undefined ? { type: entry.event.type } : { type: entry.event.type, data: sharedData(entry.event.data, tree) };
  return { ...entry, event, patch: entry.patch.map((op) => sharedPatchOp(op, tree)).filter((op) => op !== null) };
}

/** What a partner's event may not carry: the pointers of data outside the shared fields. */
export function unsharedInEvent(data: CaseData | undefined, tree: ShareTree): string[] {
  return unsharedPointers(data as Parameters<typeof unsharedPointers>[0], tree);
}

export interface PartnerService {
  list(tenant: string): Promise<PartnerRecord[]>;
  /** Creates or replaces a partner and its delegated queues. */
  save(tenant: string, id: string, input: { title: string; queues: string[] }): Promise<Result<PartnerRecord>>;
  remove(tenant: string, id: string): Promise<Result<{ id: string; removed: true }>>;
}

export function createPartnerService(store: CaseStore, clock: Clock): PartnerService {
  return {
    list: (tenant) => store.listPartners(tenant),
    async save(tenant, id, input) {
      if (!PARTNER_ID.test(id)) {
        return fail('request.invalid', `A partner's id is lower-case letters, digits and dashes (such as backoffice-nl); got '${id.slice(0, 80)}'.`);
      }
      const now = clock.now();
      const existing = await store.getPartner(tenant, id);
      const queues = [...new Set(input.queues)];
      const partner: PartnerRecord = { tenant, id, title: input.title.trim(), queues, createdAt: existing?.createdAt ?? now, updatedAt: now };
      await store.savePartner(partner);
      return { ok: true, value: partner };
    },
    async remove(tenant, id) {
      let removed: boolean;
      try {
        removed = await store.deletePartner(tenant, id, clock.now());
      } finally {
        // its people's tokens and sessions were revoked with it: no host may serve them from its cache
        forgetVerified(store);
      }
      if (!removed) return fail('partner.not_found', `There is no partner '${id}' in tenant '${tenant}'.`);
      return { ok: true, value: { id, removed: true } };
    },
  };
}
