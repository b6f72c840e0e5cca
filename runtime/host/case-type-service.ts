// Case types: the published versions (immutable), the working draft, validation and publishing.
import { isValid, validateCaseType } from '../../schemas/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { JsonValue } from '../engine/index.ts';
import type { CaseStore, CaseTypeSummary, DraftRecord, PublishedCaseType, StoredProblem, VersionRecord } from '../store/case-store.ts';
import type { Clock } from './clock.ts';
import { fail, type Result } from './host-result.ts';

const KEY = /^[a-z][a-z0-9-]{1,62}$/;

/** The definition's problems; with `key`, also when its key is not the one it is saved under. */
export function definitionProblems(definition: unknown, key?: string): StoredProblem[] {
  const problems: StoredProblem[] = validateCaseType(definition);
  if (key !== undefined && typeof definition === 'object' && definition !== null && (definition as { key?: unknown }).key !== key) {
    problems.push({ severity: 'error', code: 'draft.key_mismatch', message: `the definition's key must be '${key}', the key in the URL`, pointer: '/key' });
  }
  return problems;
}

/** A case-type key as URLs and the format take it, or the refusal saying what one looks like. */
export function checkCaseTypeKey(key: string): Result<string> {
  return KEY.test(key) ? { ok: true, value: key } : fail('request.invalid', `'${key}' is not a case-type key: use 2–63 lower-case letters, digits and dashes, starting with a letter.`);
}

/** The longest note a version may carry (characters, as JSON Schema's maxLength counts them). */
export const MAX_PUBLISH_NOTE = 2000;

/** Who publishes a draft and why: the token's name and the publisher's note (optional). */
export interface PublishRequest {
  publishedBy: string;
  note?: string | null;
}

const valid = (problems: StoredProblem[]): boolean => isValid(problems as Parameters<typeof isValid>[0]);
const errorCount = (problems: StoredProblem[]): number => problems.filter((p) => p.severity === 'error').length;

export interface CaseTypeService {
  validate(definition: unknown): { valid: boolean; problems: StoredProblem[] };
  list(tenant: string): Promise<CaseTypeSummary[]>;
  /** A published version (the latest without `version`). */
  get(tenant: string, key: string, version?: number): Promise<Result<PublishedCaseType>>;
  /** Every published version, oldest first, with who published it (null: not recorded) and its note. */
  versions(tenant: string, key: string): Promise<Result<VersionRecord[]>>;
  /** Saves the working draft, valid or not, with its problems. */
  saveDraft(tenant: string, key: string, definition: JsonValue): Promise<Result<DraftRecord>>;
  getDraft(tenant: string, key: string): Promise<Result<DraftRecord>>;
  /**
   * Publishes the draft as the next immutable version, when it has no errors, recording who published
   * it and the note (trimmed; an empty one is none).
   */
  publishDraft(tenant: string, key: string, by: PublishRequest): Promise<Result<{ key: string; version: number }>>;
  /** Publishes a definition as it is (templates at the first start); refused when it has errors. */
  publish(tenant: string, definition: unknown): Promise<Result<PublishedCaseType>>;
}

export function createCaseTypeService(store: CaseStore, clock: Clock): CaseTypeService {
  const notFound = (key: string, version?: number) =>
    fail('case_type.not_found', version === undefined ? `There is no published case type '${key}'.` : `There is no version ${String(version)} of case type '${key}'.`);
  return {
    validate(definition) {
      const problems = definitionProblems(definition);
      return { valid: valid(problems), problems };
    },
    list: (tenant) => store.listCaseTypes(tenant),
    async get(tenant, key, version) {
      if (version !== undefined && !(Number.isInteger(version) && version >= 1)) return notFound(key, version);
      const found = await store.getCaseType(tenant, key, version);
      return found === null ? notFound(key, version) : { ok: true, value: found };
    },
    async versions(tenant, key) {
      const items = await store.listVersions(tenant, key);
      return items.length === 0 ? notFound(key) : { ok: true, value: items };
    },
    async saveDraft(tenant, key, definition) {
      const checked = checkCaseTypeKey(key);
      if (!checked.ok) return checked;
      const problems = definitionProblems(definition, key);
      const draft: DraftRecord = { tenant, key, definition, problems, valid: valid(problems), updatedAt: clock.now() };
      await store.saveDraft(draft);
      return { ok: true, value: draft };
    },
    async getDraft(tenant, key) {
      const draft = await store.getDraft(tenant, key);
      return draft === null ? fail('draft.not_found', `There is no draft of '${key}'; save one with PUT first.`) : { ok: true, value: draft };
    },
    async publishDraft(tenant, key, by) {
      const note = by.note?.trim() ?? '';
      if ([...note].length > MAX_PUBLISH_NOTE) return fail('request.invalid', `The note has ${String([...note].length)} characters; keep it to ${String(MAX_PUBLISH_NOTE)}.`, { problems: [{ pointer: '/note', message: `/note must be at most ${String(MAX_PUBLISH_NOTE)} characters` }] });
      if (note.includes('\u0000')) return fail('request.invalid', 'The note may not contain the character U+0000.', { problems: [{ pointer: '/note', message: '/note may not contain U+0000' }] });
      const draft = await store.getDraft(tenant, key);
      if (draft === null) return fail('draft.not_found', `There is no draft of '${key}' to publish; save one with PUT /api/case-types/${key}/draft.`);
      const problems = definitionProblems(draft.definition, key);
      if (!valid(problems)) return fail('definition.invalid', `The draft of '${key}' has ${String(errorCount(problems))} error(s); fix them before publishing.`, { problems });
      const published = await store.publish(tenant, key, draft.definition as unknown as CaseType, clock.now(), { publishedBy: by.publishedBy, note: note === '' ? null : note });
      return { ok: true, value: { key, version: published.version } };
    },
    async publish(tenant, definition) {
      const problems = definitionProblems(definition);
      if (!valid(problems)) return fail('definition.invalid', `The definition has ${String(errorCount(problems))} error(s).`, { problems });
      const def = definition as CaseType;
      return { ok: true, value: await store.publish(tenant, def.key, def, clock.now()) };
    },
  };
}
