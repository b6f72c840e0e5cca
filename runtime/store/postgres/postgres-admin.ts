// Tenants, tokens, idempotency records and case types (drafts, immutable published versions) on PostgreSQL.
import { timingSafeEqual } from 'node:crypto';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Instant, JsonValue } from '../../engine/index.ts';
import type { CaseTypeSummary, DraftRecord, IdempotencyRecord, MailboxRecord, PartnerRecord, PublishedCaseType, PublishMeta, StoredProblem, TokenInfo, TokenRecord, VersionRecord } from '../case-store.ts';
import { mailboxOf, type MailboxRow } from '../mailbox-row.ts';
import { hasNul, statement, type PostgresDb } from './postgres-db.ts';

interface TokenRow {
  id: string;
  tenant: string;
  name: string;
  roles: string[];
  hash: string;
  created_at: string;
  expires_at: string | null;
  kind: string;
  partner: string | null;
}

interface PartnerRow {
  tenant: string;
  id: string;
  title: string;
  queues: string[];
  created_at: string;
  updated_at: string;
}

const partnerOf = (row: PartnerRow): PartnerRecord => ({
  tenant: row.tenant,
  id: row.id,
  title: row.title,
  queues: row.queues,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

interface TokenInfoRow {
  id: string;
  tenant: string;
  name: string;
  roles: string[];
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  partner: string | null;
}

const tokenInfo = (row: TokenInfoRow): TokenInfo => ({
  id: row.id,
  tenant: row.tenant,
  name: row.name,
  roles: row.roles,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  partner: row.partner,
});

const tokenInfoColumns = 'id, tenant, name, roles, created_at, expires_at, last_used_at, revoked_at, partner';

/** The instant `ms` milliseconds before `at` (ISO text, compared as text as the store compares instants). */
const before = (at: string, ms: number): string => new Date(Date.parse(at) - ms).toISOString();

interface CaseTypeRow {
  tenant: string;
  key: string;
  version: number;
  definition: CaseType;
  published_at: string;
}

interface DraftRow {
  tenant: string;
  key: string;
  definition: JsonValue;
  problems: StoredProblem[];
  valid: boolean;
  updated_at: string;
}

interface IdempotencyRow {
  tenant: string;
  key: string;
  method: string;
  path: string;
  status: number;
  body: JsonValue;
  created_at: string;
}

/** The namespace of the transaction-level advisory locks that number the versions of a case type. */
const PUBLISH_LOCK = 1685025651; // 'doss' in ASCII, as an int4

const caseTypeColumns = 'tenant, key, version, definition, published_at';

export const idempotencySql = {
  insert: statement(
    'idempotency.insert',
    `INSERT INTO idempotency (tenant, key, method, path, status, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (tenant, key) DO NOTHING`,
  ),
};

export function idempotencyValues(r: IdempotencyRecord): [string, string, string, string, number, string, string] {
  return [r.tenant, r.key, r.method, r.path, r.status, JSON.stringify(r.body), r.createdAt];
}

export function createPostgresAdmin(db: PostgresDb) {
  const s = {
    ensureTenant: statement('tenants.ensure', 'INSERT INTO tenants (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING'),
    // a revoked secret stays revoked: inserting its hash again (DOSSIER_ADMIN_TOKEN on restart) does nothing
    insertToken: statement(
      'tokens.insert',
      'INSERT INTO tokens (id, tenant, name, roles, hash, created_at, expires_at, kind, partner) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (hash) DO NOTHING',
    ),
    tokenByHash: statement('tokens.byHash', 'SELECT id, tenant, name, roles, hash, created_at, expires_at, kind, partner FROM tokens WHERE hash = $1 AND revoked_at IS NULL'),
    // a name's tokens and the sessions of the person of that name
    revokeTokens: statement('tokens.revoke', 'UPDATE tokens SET revoked_at = $1 WHERE tenant = $2 AND name = $3 AND revoked_at IS NULL'),
    revokeTokenById: statement('tokens.revokeById', 'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL'),
    countTokens: statement('tokens.count', 'SELECT COUNT(*)::integer AS n FROM tokens'),
    listTokens: statement('tokens.list', `SELECT ${tokenInfoColumns} FROM tokens WHERE tenant = $1 AND kind = 'token' ORDER BY created_at DESC, id DESC`),
    listTokensNamed: statement('tokens.listNamed', `SELECT ${tokenInfoColumns} FROM tokens WHERE tenant = $1 AND name = $2 AND kind = 'token' ORDER BY created_at DESC, id DESC`),
    // the active tokens of a name: cut to `until` (or kept, where they expire sooner)
    cutTokens: statement(
      'tokens.cut',
      `UPDATE tokens SET expires_at = CASE WHEN expires_at IS NULL OR expires_at > $1 THEN $1 ELSE expires_at END
      WHERE tenant = $2 AND name = $3 AND kind = 'token' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $4) RETURNING expires_at`,
    ),
    savePartner: statement(
      'partners.save',
      `INSERT INTO partners (tenant, id, title, queues, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (tenant, id) DO UPDATE SET title = excluded.title, queues = excluded.queues, updated_at = excluded.updated_at`,
    ),
    getPartner: statement('partners.get', 'SELECT * FROM partners WHERE tenant = $1 AND id = $2'),
    // the name's holder wins: another subject's row makes the upsert touch nothing (the unique name refuses it)
    personEmail: statement('people.email', 'SELECT email FROM people WHERE tenant = $1 AND name = $2'),
    claimPerson: statement(
      'people.claim',
      `INSERT INTO people (tenant, subject, name, created_at, updated_at, email) SELECT $1, $2, $3, $4, $4, $5
      WHERE NOT EXISTS (SELECT 1 FROM people WHERE tenant = $1 AND name = $3 AND subject <> $2)
      ON CONFLICT (tenant, subject) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at, email = excluded.email`,
    ),
    listPartners: statement('partners.list', 'SELECT * FROM partners WHERE tenant = $1 ORDER BY id'),
    mailboxAt: statement('mailboxes.at', 'SELECT * FROM mailboxes WHERE address = $1'),
    deleteMailbox: statement('mailboxes.delete', 'DELETE FROM mailboxes WHERE tenant = $1 AND case_type = $2'),
    insertMailbox: statement(
      'mailboxes.insert',
      `INSERT INTO mailboxes (address, tenant, case_type, secret_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (address) DO NOTHING`,
    ),
    listMailboxes: statement('mailboxes.list', 'SELECT * FROM mailboxes WHERE tenant = $1 ORDER BY case_type'),
    saveCaseSecret: statement('case_secrets.save', 'INSERT INTO case_secrets (tenant, case_id, secret_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, case_id) DO NOTHING'),
    caseSecret: statement('case_secrets.get', 'SELECT secret_hash FROM case_secrets WHERE tenant = $1 AND case_id = $2'),
    deletePartner: statement('partners.delete', 'DELETE FROM partners WHERE tenant = $1 AND id = $2'),
    revokePartnerTokens: statement('tokens.revokePartner', 'UPDATE tokens SET revoked_at = $1 WHERE tenant = $2 AND partner = $3 AND revoked_at IS NULL'),
    touchToken: statement('tokens.touch', 'UPDATE tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)'),
    saveDraft: statement(
      'drafts.save',
      `INSERT INTO drafts (tenant, key, definition, problems, valid, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (tenant, key) DO UPDATE SET definition = excluded.definition, problems = excluded.problems,
      valid = excluded.valid, updated_at = excluded.updated_at`,
    ),
    getDraft: statement('drafts.get', 'SELECT tenant, key, definition, problems, valid, updated_at FROM drafts WHERE tenant = $1 AND key = $2'),
    lockKey: statement('caseTypes.lock', `SELECT pg_advisory_xact_lock(${PUBLISH_LOCK}, hashtext($1::text || '/' || $2::text))`),
    maxVersion: statement('caseTypes.maxVersion', 'SELECT MAX(version) AS v FROM case_types WHERE tenant = $1 AND key = $2'),
    insertCaseType: statement(
      'caseTypes.insert',
      'INSERT INTO case_types (tenant, key, version, title, definition, published_at, published_by, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    ),
    getVersion: statement('caseTypes.version', `SELECT ${caseTypeColumns} FROM case_types WHERE tenant = $1 AND key = $2 AND version = $3`),
    getLatest: statement('caseTypes.latest', `SELECT ${caseTypeColumns} FROM case_types WHERE tenant = $1 AND key = $2 ORDER BY version DESC LIMIT 1`),
    versions: statement('caseTypes.versions', 'SELECT version, published_at, published_by, note FROM case_types WHERE tenant = $1 AND key = $2 ORDER BY version'),
    latestAll: statement(
      'caseTypes.latestAll',
      `SELECT DISTINCT ON (key) key, title, version, published_at FROM case_types WHERE tenant = $1 ORDER BY key, version DESC`,
    ),
    draftsAll: statement('drafts.all', 'SELECT key, definition, valid, updated_at FROM drafts WHERE tenant = $1'),
    getIdempotency: statement('idempotency.get', 'SELECT tenant, key, method, path, status, body, created_at FROM idempotency WHERE tenant = $1 AND key = $2'),
  };

  const toPublished = (row: CaseTypeRow): PublishedCaseType => ({
    tenant: row.tenant,
    key: row.key,
    version: row.version,
    definition: row.definition,
    publishedAt: row.published_at,
  });

  return {
    async ensureTenant(id: string, at: Instant): Promise<void> {
      await db.changes(s.ensureTenant, [id, at]);
    },

    async createToken(token: TokenRecord, hash: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.changes(s.ensureTenant, [token.tenant, token.createdAt]);
        await tx.changes(s.insertToken, [token.id, token.tenant, token.name, JSON.stringify(token.roles), hash, token.createdAt, token.expiresAt ?? null, token.kind ?? 'token', token.partner ?? null]);
      });
    },

    async findTokenByHash(hash: string): Promise<TokenRecord | null> {
      if (hasNul(hash)) return null;
      const [row] = await db.rows<TokenRow>(s.tokenByHash, [hash]);
      if (row === undefined) return null;
      const a = Buffer.from(row.hash, 'utf8');
      const b = Buffer.from(hash, 'utf8');
      if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
      const token: TokenRecord = { id: row.id, tenant: row.tenant, name: row.name, roles: row.roles, createdAt: row.created_at };
      if (row.expires_at !== null) token.expiresAt = row.expires_at;
      if (row.kind === 'session') token.kind = 'session';
      if (row.partner !== null) token.partner = row.partner;
      return token;
    },

    async personEmail(tenant: string, name: string): Promise<string | null> {
      if (hasNul(tenant, name)) return null;
      const [row] = await db.rows<{ email: string | null }>(s.personEmail, [tenant, name]);
      return row?.email ?? null;
    },

    async revokeTokens(tenant: string, name: string, at: Instant): Promise<number> {
      if (hasNul(tenant, name)) return 0;
      return db.changes(s.revokeTokens, [at, tenant, name]);
    },

    async claimPersonName(tenant: string, subject: string, name: string, at: Instant, email: string | null = null): Promise<boolean> {
      if (hasNul(tenant, subject, name) || (email !== null && hasNul(email))) return false;
      try {
        return await db.transaction(async (tx) => {
          await tx.changes(s.ensureTenant, [tenant, at]);
          return (await tx.changes(s.claimPerson, [tenant, subject, name, at, email])) > 0;
        });
      } catch (error) {
        // two subjects taking one name at the same instant: the unique name keeps the first
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },

    async savePartner(partner: PartnerRecord): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.changes(s.ensureTenant, [partner.tenant, partner.createdAt]);
        await tx.changes(s.savePartner, [partner.tenant, partner.id, partner.title, JSON.stringify(partner.queues), partner.createdAt, partner.updatedAt]);
      });
    },

    async saveMailbox(mailbox: MailboxRecord, secretHash: string): Promise<'saved' | 'address_taken'> {
      if (hasNul(mailbox.address, mailbox.tenant, mailbox.caseType, mailbox.createdBy)) return 'address_taken';
      const taken = new Error('address taken');
      try {
        return await db.transaction(async (tx) => {
          await tx.changes(s.ensureTenant, [mailbox.tenant, mailbox.createdAt]);
          await tx.changes(s.deleteMailbox, [mailbox.tenant, mailbox.caseType]);
          const inserted = await tx.changes(s.insertMailbox, [mailbox.address, mailbox.tenant, mailbox.caseType, secretHash, mailbox.createdAt, mailbox.createdBy]);
          // another case type's or tenant's address: roll the removal back
          if (inserted === 0) throw taken;
          return 'saved' as const;
        });
      } catch (error) {
        if (error === taken) return 'address_taken';
        throw error;
      }
    },

    async findMailbox(address: string): Promise<(MailboxRecord & { secretHash: string }) | null> {
      if (hasNul(address)) return null;
      const [row] = await db.rows<MailboxRow>(s.mailboxAt, [address]);
      return row === undefined ? null : { ...mailboxOf(row), secretHash: row.secret_hash };
    },

    async listMailboxes(tenant: string): Promise<MailboxRecord[]> {
      if (hasNul(tenant)) return [];
      return (await db.rows<MailboxRow>(s.listMailboxes, [tenant])).map(mailboxOf);
    },

    async deleteMailbox(tenant: string, caseType: string): Promise<boolean> {
      if (hasNul(tenant, caseType)) return false;
      return (await db.changes(s.deleteMailbox, [tenant, caseType])) > 0;
    },

    async saveCaseSecret(tenant: string, caseId: string, secretHash: string, at: Instant): Promise<void> {
      if (hasNul(tenant, caseId)) throw new Error('a case id or tenant with a NUL character');
      await db.changes(s.saveCaseSecret, [tenant, caseId, secretHash, at]);
    },

    async caseSecret(tenant: string, caseId: string): Promise<string | null> {
      if (hasNul(tenant, caseId)) return null;
      const [row] = await db.rows<{ secret_hash: string }>(s.caseSecret, [tenant, caseId]);
      return row?.secret_hash ?? null;
    },

    async getPartner(tenant: string, id: string): Promise<PartnerRecord | null> {
      if (hasNul(tenant, id)) return null;
      const [row] = await db.rows<PartnerRow>(s.getPartner, [tenant, id]);
      return row === undefined ? null : partnerOf(row);
    },

    async listPartners(tenant: string): Promise<PartnerRecord[]> {
      if (hasNul(tenant)) return [];
      return (await db.rows<PartnerRow>(s.listPartners, [tenant])).map(partnerOf);
    },

    async deletePartner(tenant: string, id: string, at: Instant): Promise<boolean> {
      if (hasNul(tenant, id)) return false;
      return db.transaction(async (tx) => {
        const removed = (await tx.changes(s.deletePartner, [tenant, id])) > 0;
        if (removed) await tx.changes(s.revokePartnerTokens, [at, tenant, id]);
        return removed;
      });
    },

    async revokeTokenById(id: string, at: Instant): Promise<boolean> {
      if (hasNul(id)) return false;
      return (await db.changes(s.revokeTokenById, [at, id])) > 0;
    },

    async countTokens(): Promise<number> {
      const [row] = await db.rows<{ n: number }>(s.countTokens);
      return row?.n ?? 0;
    },

    async listTokens(tenant: string, name?: string): Promise<TokenInfo[]> {
      if (hasNul(tenant, name ?? '')) return [];
      const rows = name === undefined ? await db.rows<TokenInfoRow>(s.listTokens, [tenant]) : await db.rows<TokenInfoRow>(s.listTokensNamed, [tenant, name]);
      return rows.map(tokenInfo);
    },

    async rotateTokens(tenant: string, name: string, at: Instant, until: Instant, next: TokenRecord, hash: string): Promise<{ rotated: number; validUntil: Instant | null }> {
      if (hasNul(tenant, name)) return { rotated: 0, validUntil: null };
      return db.transaction(async (tx) => {
        const cut = await tx.rows<{ expires_at: string }>(s.cutTokens, [until, tenant, name, at]);
        if (cut.length === 0) return { rotated: 0, validUntil: null };
        await tx.changes(s.insertToken, [next.id, next.tenant, next.name, JSON.stringify(next.roles), hash, next.createdAt, next.expiresAt ?? null, 'token', next.partner ?? null]);
        return { rotated: cut.length, validUntil: cut.map((r) => r.expires_at).reduce((a, b) => (b > a ? b : a)) };
      });
    },

    async touchToken(id: string, at: Instant, minGapMs: number): Promise<void> {
      if (hasNul(id)) return;
      await db.changes(s.touchToken, [at, id, before(at, minGapMs)]);
    },

    async saveDraft(draft: DraftRecord): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.changes(s.ensureTenant, [draft.tenant, draft.updatedAt]);
        await tx.changes(s.saveDraft, [draft.tenant, draft.key, JSON.stringify(draft.definition), JSON.stringify(draft.problems), draft.valid, draft.updatedAt]);
      });
    },

    async getDraft(tenant: string, key: string): Promise<DraftRecord | null> {
      if (hasNul(tenant, key)) return null;
      const [row] = await db.rows<DraftRow>(s.getDraft, [tenant, key]);
      if (row === undefined) return null;
      return { tenant: row.tenant, key: row.key, definition: row.definition, problems: row.problems, valid: row.valid, updatedAt: row.updated_at };
    },

    async publish(tenant: string, key: string, definition: CaseType, at: Instant, meta?: PublishMeta): Promise<PublishedCaseType> {
      return db.transaction(async (tx) => {
        await tx.changes(s.ensureTenant, [tenant, at]);
        // hosts publishing the same key at once take turns, so each gets the next number
        await tx.rows(s.lockKey, [tenant, key]);
        const [row] = await tx.rows<{ v: number | null }>(s.maxVersion, [tenant, key]);
        const version = (row?.v ?? 0) + 1;
        const stored: CaseType = { ...definition, key, version };
        await tx.changes(s.insertCaseType, [tenant, key, version, stored.title, JSON.stringify(stored), at, meta?.publishedBy ?? null, meta?.note ?? null]);
        return { tenant, key, version, definition: stored, publishedAt: at };
      });
    },

    async getCaseType(tenant: string, key: string, version?: number): Promise<PublishedCaseType | null> {
      if (hasNul(tenant, key)) return null;
      const [row] = version === undefined ? await db.rows<CaseTypeRow>(s.getLatest, [tenant, key]) : await db.rows<CaseTypeRow>(s.getVersion, [tenant, key, version]);
      return row === undefined ? null : toPublished(row);
    },

    async listVersions(tenant: string, key: string): Promise<VersionRecord[]> {
      if (hasNul(tenant, key)) return [];
      const rows = await db.rows<{ version: number; published_at: string; published_by: string | null; note: string | null }>(s.versions, [tenant, key]);
      return rows.map((r) => ({ version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, note: r.note }));
    },

    async listCaseTypes(tenant: string): Promise<CaseTypeSummary[]> {
      const byKey = new Map<string, CaseTypeSummary>();
      for (const r of await db.rows<{ key: string; title: string; version: number; published_at: string }>(s.latestAll, [tenant])) {
        byKey.set(r.key, { key: r.key, title: r.title, latestVersion: r.version, publishedAt: r.published_at, draft: null });
      }
      for (const d of await db.rows<{ key: string; definition: JsonValue; valid: boolean; updated_at: string }>(s.draftsAll, [tenant])) {
        const existing = byKey.get(d.key);
        const draft = { updatedAt: d.updated_at, valid: d.valid };
        if (existing !== undefined) existing.draft = draft;
        else {
          const title = d.definition !== null && typeof d.definition === 'object' && !Array.isArray(d.definition) ? d.definition.title : undefined;
          byKey.set(d.key, { key: d.key, title: typeof title === 'string' ? title : d.key, latestVersion: null, publishedAt: null, draft });
        }
      }
      return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    },

    async getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | null> {
      if (hasNul(tenant, key)) return null;
      const [row] = await db.rows<IdempotencyRow>(s.getIdempotency, [tenant, key]);
      if (row === undefined) return null;
      return { tenant: row.tenant, key: row.key, method: row.method, path: row.path, status: row.status, body: row.body, createdAt: row.created_at };
    },

    async saveIdempotency(record: IdempotencyRecord): Promise<boolean> {
      return (await db.changes(idempotencySql.insert, idempotencyValues(record))) === 1;
    },
  };
}
