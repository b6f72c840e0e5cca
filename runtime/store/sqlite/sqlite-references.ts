// Case references on SQLite (runtime/store/case-reference.ts): the counter per tenant and prefix, the
// reference column of cases, and the numbering of the cases created before them, in creation order.
import type Database from 'better-sqlite3';
import { defaultReferencePrefix, REFERENCE_DIGITS } from '../case-reference.ts';

/** The migration: the column, the counters, the existing cases numbered, then the unique index. */
export function caseReferences(db: Database.Database): void {
  db.exec(`
  ALTER TABLE cases ADD COLUMN reference TEXT;
  CREATE TABLE case_reference_counters (
    tenant TEXT NOT NULL, prefix TEXT NOT NULL, last INTEGER NOT NULL, PRIMARY KEY (tenant, prefix)) WITHOUT ROWID;
  `);
  // the cases written before have no definition with a referencePrefix: their key's default prefix
  const types = (db.prepare('SELECT DISTINCT case_type FROM cases').all() as { case_type: string }[]).map((r) => ({
    caseType: r.case_type,
    prefix: defaultReferencePrefix(r.case_type),
  }));
  const prefixes = JSON.stringify(types);
  db.prepare(
    `WITH p AS (SELECT value ->> '$.caseType' AS case_type, value ->> '$.prefix' AS prefix FROM json_each(@prefixes)),
    numbered AS (
      SELECT c.id, p.prefix, row_number() OVER (PARTITION BY c.tenant, p.prefix ORDER BY c.created_at, c.id) AS n
      FROM cases c JOIN p ON p.case_type = c.case_type)
    UPDATE cases SET reference = numbered.prefix || '-' ||
      CASE WHEN numbered.n < ${10 ** REFERENCE_DIGITS} THEN printf('%0${REFERENCE_DIGITS}d', numbered.n) ELSE numbered.n END
    FROM numbered WHERE numbered.id = cases.id`,
  ).run({ prefixes });
  db.prepare(
    `WITH p AS (SELECT value ->> '$.caseType' AS case_type, value ->> '$.prefix' AS prefix FROM json_each(@prefixes))
    INSERT INTO case_reference_counters (tenant, prefix, last)
    SELECT c.tenant, p.prefix, count(*) FROM cases c JOIN p ON p.case_type = c.case_type GROUP BY c.tenant, p.prefix`,
  ).run({ prefixes });
  db.exec('CREATE UNIQUE INDEX cases_by_reference ON cases(tenant, reference);');
}
