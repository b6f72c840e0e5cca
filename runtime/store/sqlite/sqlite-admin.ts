// Tenants, tokens, idempotency records and case types (drafts, immutable published versions) on SQLite.
import { timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Instant, JsonValue } from '../../engine/index.ts';
import type { CaseTypeSummary, DraftRecord, IdempotencyRecord, MailboxRecord, PartnerRecord, PublishedCaseType, PublishMeta, StoredProblem, TokenInfo, TokenRecord, VersionRecord } from '../case-store.ts';
import { mailboxOf, type MailboxRow } from '../mailbox-row.ts';
import type { WriteQueue } from './write-queue.ts';

interface TokenRow {
  id: string;
  tenant: string;
  name: string;
  roles: string;
  hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
  kind: string;
  partner: string | null;
}

interface PartnerRow {
  tenant: string;
  id: string;
  title: string;
  queues: string;
  created_at: string;
  updated_at: string;
}

const partnerOf = (row: PartnerRow): PartnerRecord => ({
  tenant: row.tenant,
  id: row.id,
  title: row.title,
  queues: JSON.parse(row.queues) as string[],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const tokenInfo = (row: Omit<TokenRow, 'hash' | 'kind'>): TokenInfo => ({
  id: row.id,
  tenant: row.tenant,
  name: row.name,
  roles: JSON.parse(row.roles) as string[],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
  partner: row.partner,
});

/** The instant `ms` milliseconds before `at` (ISO text, compared as text as the store compares instants). */
const before = (at: string, ms: number): string => new Date(Date.parse(at) - ms).toISOString();

interface CaseTypeRow {
  tenant: string;
  key: string;
  version: number;
  definition: string;
  published_at: string;
}

export function createSqliteAdmin(db: Database.Database, queue: WriteQueue) {
  const s = {
    ensureTenant: db.prepare('INSERT INTO tenants (id, created_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING'),
    // a revoked secret stays revoked: inserting its hash again (DOSSIER_ADMIN_TOKEN on restart) does nothing
    insertToken: db.prepare(`INSERT INTO tokens (id, tenant, name, roles, hash, created_at, expires_at, kind, partner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(hash) DO NOTHING`),
    tokenByHash: db.prepare('SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL'),
    // a name's tokens and the sessions of the person of that name
    revokeTokens: db.prepare('UPDATE tokens SET revoked_at = ? WHERE tenant = ? AND name = ? AND revoked_at IS NULL'),
    revokeTokenById: db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    countTokens: db.prepare('SELECT COUNT(*) AS n FROM tokens'),
    listTokens: db.prepare(`SELECT id, tenant, name, roles, created_at, expires_at, last_used_at, revoked_at, partner FROM tokens
      WHERE tenant = ? AND kind = 'token' ORDER BY created_at DESC, id DESC`),
    listTokensNamed: db.prepare(`SELECT id, tenant, name, roles, created_at, expires_at, last_used_at, revoked_at, partner FROM tokens
      WHERE tenant = ? AND name = ? AND kind = 'token' ORDER BY created_at DESC, id DESC`),
    // the active tokens of a name: cut to `until` (or kept, where they expire sooner)
    cutTokens: db.prepare(`UPDATE tokens SET expires_at = CASE WHEN expires_at IS NULL OR expires_at > @until THEN @until ELSE expires_at END
      WHERE tenant = @tenant AND name = @name AND kind = 'token' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @at) RETURNING expires_at`),
    savePartner: db.prepare(`INSERT INTO partners (tenant, id, title, queues, created_at, updated_at) VALUES (@tenant, @id, @title, @queues, @createdAt, @updatedAt)
      ON CONFLICT(tenant, id) DO UPDATE SET title = excluded.title, queues = excluded.queues, updated_at = excluded.updated_at`),
    getPartner: db.prepare('SELECT * FROM partners WHERE tenant = ? AND id = ?'),
    personNamed: db.prepare('SELECT subject FROM people WHERE tenant = ? AND name = ?'),
    claimPerson: db.prepare(`INSERT INTO people (tenant, subject, name, created_at, updated_at, email) VALUES (@tenant, @subject, @name, @at, @at, @email)
      ON CONFLICT(tenant, subject) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at, email = excluded.email`),
    personEmail: db.prepare('SELECT email FROM people WHERE tenant = ? AND name = ?'),
    listPartners: db.prepare('SELECT * FROM partners WHERE tenant = ? ORDER BY id'),
    mailboxAt: db.prepare('SELECT * FROM mailboxes WHERE address = ?'),
    deleteMailbox: db.prepare('DELETE FROM mailboxes WHERE tenant = ? AND case_type = ?'),
    insertMailbox: db.prepare(`INSERT INTO mailboxes (address, tenant, case_type, secret_hash, created_at, created_by)
      VALUES (@address, @tenant, @caseType, @secretHash, @createdAt, @createdBy)`),
    listMailboxes: db.prepare('SELECT * FROM mailboxes WHERE tenant = ? ORDER BY case_type'),
    saveCaseSecret: db.prepare('INSERT INTO case_secrets (tenant, case_id, secret_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, case_id) DO NOTHING'),
    caseSecret: db.prepare('SELECT secret_hash FROM case_secrets WHERE tenant = ? AND case_id = ?'),
    deletePartner: db.prepare('DELETE FROM partners WHERE tenant = ? AND id = ?'),
    revokePartnerTokens: db.prepare('UPDATE tokens SET revoked_at = ? WHERE tenant = ? AND partner = ? AND revoked_at IS NULL'),
    touchToken: db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)'),
    saveDraft: db.prepare(`INSERT INTO drafts (tenant, key, definition, problems, valid, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(tenant, key) DO UPDATE SET definition = excluded.definition, problems = excluded.problems,
      valid = excluded.valid, updated_at = excluded.updated_at`),
    getDraft: db.prepare('SELECT * FROM drafts WHERE tenant = ? AND key = ?'),
    maxVersion: db.prepare('SELECT MAX(version) AS v FROM case_types WHERE tenant = ? AND key = ?'),
    insertCaseType: db.prepare(`INSERT INTO case_types (tenant, key, version, title, definition, published_at, published_by, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    getVersion: db.prepare('SELECT * FROM case_types WHERE tenant = ? AND key = ? AND version = ?'),
    getLatest: db.prepare('SELECT * FROM case_types WHERE tenant = ? AND key = ? ORDER BY version DESC LIMIT 1'),
    versions: db.prepare('SELECT version, published_at, published_by, note FROM case_types WHERE tenant = ? AND key = ? ORDER BY version'),
    latestAll: db.prepare(`SELECT c.key, c.title, c.version, c.published_at FROM case_types c
      WHERE c.tenant = ? AND c.version = (SELECT MAX(version) FROM case_types d WHERE d.tenant = c.tenant AND d.key = c.key)`),
    draftsAll: db.prepare('SELECT key, definition, valid, updated_at FROM drafts WHERE tenant = ?'),
    getIdempotency: db.prepare('SELECT * FROM idempotency WHERE tenant = ? AND key = ?'),
    insertIdempotency: db.prepare(`INSERT INTO idempotency (tenant, key, method, path, status, body, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(tenant, key) DO NOTHING`),
  };

  const toPublished = (row: CaseTypeRow): PublishedCaseType => ({
    tenant: row.tenant,
    key: row.key,
    version: row.version,
    definition: JSON.parse(row.definition) as CaseType,
    publishedAt: row.published_at,
  });

  return {
    async ensureTenant(id: string, at: Instant): Promise<void> {
      await queue.submit(() => s.ensureTenant.run(id, at));
    },

    async createToken(token: TokenRecord, hash: string): Promise<void> {
      await queue.submit(() => {
        s.ensureTenant.run(token.tenant, token.createdAt);
        s.insertToken.run(token.id, token.tenant, token.name, JSON.stringify(token.roles), hash, token.createdAt, token.expiresAt ?? null, token.kind ?? 'token', token.partner ?? null);
      });
    },

    async findTokenByHash(hash: string): Promise<TokenRecord | null> {
      const row = s.tokenByHash.get(hash) as TokenRow | undefined;
      if (row === undefined) return null;
      const a = Buffer.from(row.hash, 'utf8');
      const b = Buffer.from(hash, 'utf8');
      if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
      const token: TokenRecord = { id: row.id, tenant: row.tenant, name: row.name, roles: JSON.parse(row.roles) as string[], createdAt: row.created_at };
      if (row.expires_at !== null) token.expiresAt = row.expires_at;
      if (row.kind === 'session') token.kind = 'session';
      if (row.partner !== null) token.partner = row.partner;
      return token;
    },

    async revokeTokens(tenant: string, name: string, at: string): Promise<number> {
      return queue.submit(() => s.revokeTokens.run(at, tenant, name).changes);
    },

    async revokeTokenById(id: string, at: string): Promise<boolean> {
      return queue.submit(() => s.revokeTokenById.run(at, id).changes > 0);
    },

    async claimPersonName(tenant: string, subject: string, name: string, at: Instant, email: string | null = null): Promise<boolean> {
      return queue.submit(() => {
        const holder = s.personNamed.get(tenant, name) as { subject: string } | undefined;
        if (holder !== undefined && holder.subject !== subject) return false;
        s.ensureTenant.run(tenant, at);
        s.claimPerson.run({ tenant, subject, name, at, email });
        return true;
      });
    },

    async personEmail(tenant: string, name: string): Promise<string | null> {
      return (s.personEmail.get(tenant, name) as { email: string | null } | undefined)?.email ?? null;
    },

    async savePartner(partner: PartnerRecord): Promise<void> {
      await queue.submit(() => {
        s.ensureTenant.run(partner.tenant, partner.createdAt);
        s.savePartner.run({ ...partner, queues: JSON.stringify(partner.queues) });
      });
    },

    async saveMailbox(mailbox: MailboxRecord, secretHash: string): Promise<'saved' | 'address_taken'> {
      return queue.submit(() =>
        db.transaction((): 'saved' | 'address_taken' => {
          const holder = s.mailboxAt.get(mailbox.address) as MailboxRow | undefined;
          if (holder !== undefined && (holder.tenant !== mailbox.tenant || holder.case_type !== mailbox.caseType)) return 'address_taken';
          s.ensureTenant.run(mailbox.tenant, mailbox.createdAt);
          s.deleteMailbox.run(mailbox.tenant, mailbox.caseType);
          s.insertMailbox.run({ ...mailbox, secretHash });
          return 'saved';
        })(),
      );
    },

    async findMailbox(address: string): Promise<(MailboxRecord & { secretHash: string }) | null> {
      const row = s.mailboxAt.get(address) as MailboxRow | undefined;
      return row === undefined ? null : { ...mailboxOf(row), secretHash: row.secret_hash };
    },

    async listMailboxes(tenant: string): Promise<MailboxRecord[]> {
      return (s.listMailboxes.all(tenant) as MailboxRow[]).map(mailboxOf);
    },

    async deleteMailbox(tenant: string, caseType: string): Promise<boolean> {
      return queue.submit(() => s.deleteMailbox.run(tenant, caseType).changes > 0);
    },

    async saveCaseSecret(tenant: string, caseId: string, secretHash: string, at: Instant): Promise<void> {
      await queue.submit(() => s.saveCaseSecret.run(tenant, caseId, secretHash, at));
    },

    async caseSecret(tenant: string, caseId: string): Promise<string | null> {
      return (s.caseSecret.get(tenant, caseId) as { secret_hash: string } | undefined)?.secret_hash ?? null;
    },

    async getPartner(tenant: string, id: string): Promise<PartnerRecord | null> {
      const row = s.getPartner.get(tenant, id) as PartnerRow | undefined;
      return row === undefined ? null : partnerOf(row);
    },

    async listPartners(tenant: string): Promise<PartnerRecord[]> {
      return (s.listPartners.all(tenant) as PartnerRow[]).map(partnerOf);
    },

    async deletePartner(tenant: string, id: string, at: Instant): Promise<boolean> {
      return queue.submit(() => {
        const removed = s.deletePartner.run(tenant, id).changes > 0;
        if (removed) s.revokePartnerTokens.run(at, tenant, id);
        return removed;
      });
    },

    async countTokens(): Promise<number> {
      return (s.countTokens.get() as { n: number }).n;
    },

    async listTokens(tenant: string, name?: string): Promise<TokenInfo[]> {
      const rows = (name === undefined ? s.listTokens.all(tenant) : s.listTokensNamed.all(tenant, name)) as Omit<TokenRow, 'hash'>[];
      return rows.map(tokenInfo);
    },

    async rotateTokens(tenant: string, name: string, at: Instant, until: Instant, next: TokenRecord, hash: string): Promise<{ rotated: number; validUntil: Instant | null }> {
      return queue.submit(() => {
        const cut = s.cutTokens.all({ until, tenant, name, at }) as { expires_at: string }[];
        if (cut.length === 0) return { rotated: 0, validUntil: null };
        s.insertToken.run(next.id, next.tenant, next.name, JSON.stringify(next.roles), hash, next.createdAt, next.expiresAt ?? null, 'token', next.partner ?? null);
        return { rotated: cut.length, validUntil: cut.map((r) => r.expires_at).reduce((a, b) => (b > a ? b : a)) };
      });
    },

    async touchToken(id: string, at: Instant, minGapMs: number): Promise<void> {
      await queue.submit(() => s.touchToken.run(at, id, before(at, minGapMs)));
    },

    async saveDraft(draft: DraftRecord): Promise<void> {
      await queue.submit(() => {
        s.ensureTenant.run(draft.tenant, draft.updatedAt);
        s.saveDraft.run(draft.tenant, draft.key, JSON.stringify(draft.definition), JSON.stringify(draft.problems), draft.valid ? 1 : 0, draft.updatedAt);
      });
    },

    async getDraft(tenant: string, key: string): Promise<DraftRecord | null> {
      const row = s.getDraft.get(tenant, key) as
        | { tenant: string; key: string; definition: string; problems: string; valid: number; updated_at: string }
        | undefined;
      if (row === undefined) return null;
      return {
        tenant: row.tenant,
        key: row.key,
        definition: JSON.parse(row.definition) as JsonValue,
        problems: JSON.parse(row.problems) as StoredProblem[],
        valid: row.valid === 1,
        updatedAt: row.updated_at,
      };
    },

    async publish(tenant: string, key: string, definition: CaseType, at: Instant, meta?: PublishMeta): Promise<PublishedCaseType> {
      return queue.submit(() => {
        s.ensureTenant.run(tenant, at);
        const version = ((s.maxVersion.get(tenant, key) as { v: number | null }).v ?? 0) + 1;
        const stored: CaseType = { ...definition, key, version };
        s.insertCaseType.run(tenant, key, version, stored.title, JSON.stringify(stored), at, meta?.publishedBy ?? null, meta?.note ?? null);
        return { tenant, key, version, definition: stored, publishedAt: at };
      });
    },

    async getCaseType(tenant: string, key: string, version?: number): Promise<PublishedCaseType | null> {
      const row = (version === undefined ? s.getLatest.get(tenant, key) : s.getVersion.get(tenant, key, version)) as CaseTypeRow | undefined;
      return row === undefined ? null : toPublished(row);
    },

    async listVersions(tenant: string, key: string): Promise<VersionRecord[]> {
      const rows = s.versions.all(tenant, key) as { version: number; published_at: string; published_by: string | null; note: string | null }[];
      return rows.map((r) => ({ version: r.version, publishedAt: r.published_at, publishedBy: r.published_by, note: r.note }));
    },

    async listCaseTypes(tenant: string): Promise<CaseTypeSummary[]> {
      const byKey = new Map<string, CaseTypeSummary>();
      for (const r of s.latestAll.all(tenant) as { key: string; title: string; version: number; published_at: string }[]) {
        byKey.set(r.key, { key: r.key, title: r.title, latestVersion: r.version, publishedAt: r.published_at, draft: null });
      }
      for (const d of s.draftsAll.all(tenant) as { key: string; definition: string; valid: number; updated_at: string }[]) {
        const existing = byKey.get(d.key);
        const draft = { updatedAt: d.updated_at, valid: d.valid === 1 };
        if (existing !== undefined) existing.draft = draft;
        else {
          const def = JSON.parse(d.definition) as { title?: unknown };
          byKey.set(d.key, { key: d.key, title: typeof def.title === 'string' ? def.title : d.key, latestVersion: null, publishedAt: null, draft });
        }
      }
      return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    },

    async getIdempotency(tenant: string, key: string): Promise<IdempotencyRecord | null> {
      const row = s.getIdempotency.get(tenant, key) as
        | { tenant: string; key: string; method: string; path: string; status: number; body: string; created_at: string }
        | undefined;
      if (row === undefined) return null;
      return { tenant: row.tenant, key: row.key, method: row.method, path: row.path, status: row.status, body: JSON.parse(row.body) as JsonValue, createdAt: row.created_at };
    },

    async saveIdempotency(r: IdempotencyRecord): Promise<boolean> {
      return queue.submit(() => s.insertIdempotency.run(r.tenant, r.key, r.method, r.path, r.status, JSON.stringify(r.body), r.createdAt).changes === 1);
    },
  };
}
