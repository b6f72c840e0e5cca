// The self-service form (issue 20, item 4): a published case type with `public` offers a form anyone may
// fill in without signing in (/forms/<tenant>/<key>, the designer's one form renderer), and whoever sent it
// a status page (/status/<tenant>/<reference>, with the secret they were given) that shows the stage in
// plain words and takes their reply. Only the form's own fields may be posted; the rest of the case type
// (its data model, its people, its other cases) is never shown. docs/public-form.md.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CaseType, FieldSchema } from '../../schemas/generated/case-type.ts';
import { escapePointerToken, indexPlaybook, leafStateIds, nextEvents, parsePointer, setAtPointer, type CaseData, type FieldProblem, type Instant, type JsonValue } from '../engine/index.ts';
import type { CaseStore, StoredCase } from '../store/case-store.ts';
import type { CaseService } from './case-service.ts';
import { hashToken } from './tokens.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';

/** What the public form page draws: only the form's fields of the data schema. */
export interface PublicFormView {
  key: string;
  title: string;
  description: string | null;
  /** The data schema cut down to the form's fields (their titles, types and checks). */
  schema: FieldSchema;
  form: { sections: [{ id: 'request'; title: string; fields: string[] }] };
  /** Documents can be added on the status page. */
  documents: boolean;
}

export interface PublicReceipt {
  reference: string;
  /** Shown once: with the reference it opens the status page. */
  secret: string;
  /** Where the status page is, the secret in the fragment (never sent to a server log). */
  statusPath: string;
}

export interface PublicStatus {
  reference: string;
  title: string;
  /** The titles of the stages the case is in (top-level states), in the case type's words. */
  stages: string[];
  closed: boolean;
  createdAt: Instant;
  closedAt: Instant | null;
  /** What happened, in the case type's words (event titles; null: the request was received), oldest first; no names, no data. */
  updates: { at: Instant; title: string | null }[];
  canReply: boolean;
  canAddDocuments: boolean;
}

export interface PublicFormService {
  form(tenant: string, key: string): Promise<Result<PublicFormView>>;
  submit(tenant: string, key: string, body: unknown): Promise<Result<PublicReceipt>>;
  status(tenant: string, reference: string, secret: string): Promise<Result<PublicStatus>>;
  reply(tenant: string, reference: string, secret: string, text: string): Promise<Result<PublicStatus>>;
  /** The case behind a reference and secret (documents added on the status page); null for a wrong pair. */
  caseOf(tenant: string, reference: string, secret: string): Promise<{ kase: StoredCase; definition: CaseType } | null>;
}

const REFERENCE = /^[A-Z][A-Z0-9]{0,9}-[0-9]{6,}$/;
const MAX_REPLY = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `$ref`s in a schema, deep. */
function refsIn(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) refsIn(item, into);
  else if (isRecord(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else refsIn(value, into);
    }
  }
}

/**
 * The data schema with only the form's fields: along the path to each, the objects keep their type,
 * title, description and the properties and `required` on those paths (no `allOf`, `if`, dependencies or
 * other fields: the rest of the data model is not shown, nor can it ask for fields the form does not
 * show); each field's own schema whole; and only the `$defs` those fields refer to.
 */
export function cutSchema(data: FieldSchema, pointers: readonly string[]): FieldSchema {
  const keep = (schema: FieldSchema, paths: string[][]): FieldSchema => {
    if (paths.some((p) => p.length === 0)) return schema;
    const properties: Record<string, FieldSchema> = {};
    const byHead = new Map<string, string[][]>();
    for (const [head, ...rest] of paths as [string, ...string[]][]) byHead.set(head, [...(byHead.get(head) ?? []), rest]);
    for (const [head, rest] of byHead) {
      const child = schema.properties?.[head];
      if (child !== undefined) properties[head] = keep(child, rest);
    }
    const required = (schema.required ?? []).filter((name) => name in properties);
    return {
      type: 'object',
      ...(schema.title === undefined ? {} : { title: schema.title }),
      ...(schema.description === undefined ? {} : { description: schema.description }),
      properties,
      ...(required.length > 0 ? { required } : {}),
    };
  };
  const cut = keep(data, pointers.map((p) => parsePointer(p)));
  const defs = data.$defs as Record<string, unknown> | undefined;
  if (defs === undefined) return cut;
  // the definitions the kept fields name, and those they name in turn
  const wanted = new Set<string>();
  const seen = new Set<string>();
  const pending = new Set<string>();
  refsIn(cut, pending);
  while (pending.size > 0) {
    const ref = pending.values().next().value as string;
    pending.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1];
    if (name === undefined || defs[name] === undefined) continue;
    wanted.add(name);
    refsIn(defs[name], pending);
  }
  if (wanted.size === 0) return cut;
  return { ...cut, $defs: Object.fromEntries([...wanted].map((name) => [name, defs[name]])) } as FieldSchema;
}

/** Every place in `posted` that is not one of the form's fields (or inside one), as a problem. */
export function extraFields(posted: unknown, pointers: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const paths = pointers.map((p) => parsePointer(p));
  const walk = (value: unknown, at: string[]): void => {
    if (paths.some((p) => p.length <= at.length && p.every((token, i) => token === at[i]))) return;
    const pointer = at.map(escapePointerToken).map((t) => `/${t}`).join('');
    if (isRecord(value) && paths.some((p) => p.length > at.length && at.every((token, i) => token === p[i]))) {
      for (const [name, child] of Object.entries(value)) walk(child, [...at, name]);
      return;
    }
    problems.push({ pointer, message: `${pointer} is not a field of this form: remove it` });
  };
  if (!isRecord(posted)) return [{ pointer: '', message: 'the form is sent as a JSON object of its fields' }];
  for (const [name, child] of Object.entries(posted)) walk(child, [name]);
  return problems;
}

export function createPublicFormService(options: { store: CaseStore; cases: CaseService; clock: Clock }): PublicFormService {
  const { store, cases, clock } = options;

  async function publicType(tenant: string, key: string): Promise<Result<{ definition: CaseType; form: NonNullable<CaseType['public']> }>> {
    const published = await store.getCaseType(tenant, key);
    const form = published?.definition.public;
    if (published === null || form === undefined) return fail('form.not_found', 'There is no such form. Check the address you were given.');
    return { ok: true, value: { definition: published.definition, form } };
  }

  /** A hash no secret has, compared when there is no case: a wrong code and an unknown reference take the same work. */
  const NO_SECRET = hashToken('no case has this secret');

  async function caseOf(tenant: string, reference: string, secret: string): Promise<{ kase: StoredCase; definition: CaseType } | null> {
    if (!REFERENCE.test(reference) || secret === '') return null;
    const kase = await store.caseByReference(tenant, reference);
    const kept = (kase === null ? null : await store.caseSecret(tenant, kase.id)) ?? NO_SECRET;
    const given = Buffer.from(hashToken(secret), 'utf8');
    const expected = Buffer.from(kept, 'utf8');
    const matches = given.length === expected.length && timingSafeEqual(given, expected);
    if (kase === null || kept === NO_SECRET || !matches) return null;
    const type = await store.getCaseType(tenant, kase.caseType, kase.version);
    return type === null ? null : { kase, definition: type.definition };
  }

  const notFound = () => fail('case.not_found', 'There is no case with this reference and code. Check both against the confirmation you were given.');

  async function statusOf(tenant: string, kase: StoredCase, definition: CaseType): Promise<PublicStatus> {
    const index = indexPlaybook(definition.playbook);
    const stages: string[] = [];
    for (const leaf of leafStateIds(kase.state)) {
      let id = leaf;
      for (let info = index.states.get(id); info?.parent != null; info = index.states.get(id)) id = info.parent;
      const title = index.states.get(id)?.node.title ?? id;
      if (!stages.includes(title)) stages.push(title);
    }
    const updates: PublicStatus['updates'] = [];
    let cursor: string | null = null;
    do {
      const page = await store.history(tenant, kase.id, 500, cursor);
      for (const entry of page.items) {
        const type = entry.event.type;
        if (type === 'case.created') updates.push({ at: entry.at, title: null });
        else if (definition.events?.[type] !== undefined) updates.push({ at: entry.at, title: definition.events[type]?.title ?? type });
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    const open = kase.closedAt === null;
    const reply = definition.public?.reply?.event;
    // a reply is offered where the case's state takes the reply event now (its guard is checked when sent)
    let canReply = false;
    if (open && reply !== undefined) {
      const type = await cases.loadType(tenant, kase.caseType, kase.version);
      const { reference: _reference, ...snapshot } = kase;
      canReply = type !== null && nextEvents(type.compiled as Parameters<typeof nextEvents>[0], snapshot).some((e) => e.type === reply && e.available);
    }
    return {
      reference: kase.reference,
      title: definition.public?.title ?? definition.title ?? definition.key,
      stages,
      closed: !open,
      createdAt: kase.createdAt,
      closedAt: kase.closedAt,
      updates,
      canReply,
      canAddDocuments: open && definition.public?.attachments !== undefined,
    };
  }

  return {
    async form(tenant, key) {
      const found = await publicType(tenant, key);
      if (!found.ok) return found;
      const { definition, form } = found.value;
      const title = form.title ?? definition.title ?? key;
      return {
        ok: true,
        value: {
          key,
          title,
          description: form.description ?? null,
          schema: cutSchema(definition.data as FieldSchema, form.fields),
          form: { sections: [{ id: 'request', title, fields: [...form.fields] }] },
          documents: form.attachments !== undefined,
        },
      };
    },

    async submit(tenant, key, body) {
      const found = await publicType(tenant, key);
      if (!found.ok) return found;
      const { definition, form } = found.value;
      const extra = extraFields(body, form.fields);
      if (extra.length > 0) return fail('form.invalid', `The form has ${String(extra.length)} field(s) it does not ask for; send only its own fields.`, { problems: extra });
      let data: JsonValue = body as JsonValue;
      for (const [pointer, value] of Object.entries(form.values ?? {})) data = setAtPointer(data, pointer, value as JsonValue) ?? data;
      const secret = randomBytes(18).toString('base64url');
      const created = await cases.createCase(tenant, { caseType: definition.key, data: data as CaseData, channel: 'web' }, undefined);
      if (!created.ok) return created.code === 'data.invalid' || created.code === 'rule.failed' ? fail('form.invalid', 'Some answers are missing or not right; see each field.', { problems: created.problems ?? [] }) : created;
      if (created.replay === true) return fail('case.conflict', 'Send the form again.');
      // the code only for a case that exists (a refused form leaves nothing); a host that dies in between
      // leaves a case its sender got no receipt for, which the agents see and the sender sends again
      await store.saveCaseSecret(tenant, created.case.id, hashToken(secret), clock.now());
      const reference = created.view.reference;
      return { ok: true, value: { reference, secret, statusPath: `/status/${encodeURIComponent(tenant)}/${reference}#${secret}` } };
    },

    async status(tenant, reference, secret) {
      const found = await caseOf(tenant, reference, secret);
      if (found === null) return notFound();
      return { ok: true, value: await statusOf(tenant, found.kase, found.definition) };
    },

    async reply(tenant, reference, secret, text) {
      const found = await caseOf(tenant, reference, secret);
      if (found === null) return notFound();
      const reply = found.definition.public?.reply;
      if (reply === undefined) return fail('form.invalid', 'This case takes no replies here.');
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.length > MAX_REPLY) {
        return fail('form.invalid', `Write a reply of 1 to ${MAX_REPLY.toLocaleString('en')} characters.`, { problems: [{ pointer: '/text', message: `/text must be 1 to ${String(MAX_REPLY)} characters` }] });
      }
      const data = reply.body === undefined ? undefined : (setAtPointer({}, reply.body, trimmed) as CaseData);
      const sent = await cases.sendEvent(tenant, found.kase.id, data === undefined ? { type: reply.event } : { type: reply.event, data }, undefined);
      if (!sent.ok) {
        if (sent.code === 'event.not_accepted') return fail('form.reply_not_expected', 'This case is not waiting for a reply from you just now; you will hear from us.');
        return sent;
      }
      const after = await store.getCase(tenant, found.kase.id);
      return { ok: true, value: await statusOf(tenant, after ?? found.kase, found.definition) };
    },

    caseOf,
  };
}
