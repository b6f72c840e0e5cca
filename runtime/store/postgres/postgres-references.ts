// Case references on PostgreSQL (runtime/store/case-reference.ts): the counter per tenant and prefix,
// the reference column of cases, and the numbering of the cases created before them, in creation order.
// A new case takes its number in its commit statement (commit-statement.ts): an upsert of the counter
// row, whose row lock makes concurrent creations of several hosts take one number each.
import { defaultReferencePrefix, REFERENCE_DIGITS } from '../case-reference.ts';
import type { Queryable } from './postgres-db.ts';

const C = 'text COLLATE "C"';

/** `n` (bigint) as the number of a reference: zero-padded to six digits, longer when it is larger. */
export const referenceNumberSql = (n: string) =>
  `CASE WHEN ${n} < ${10 ** REFERENCE_DIGITS} THEN lpad(${n}::text, ${REFERENCE_DIGITS}, '0') ELSE ${n}::text END`;

/** The migration: the column, the counters, the existing cases numbered, then NOT NULL and the unique index. */
export async function caseReferences(tx: Queryable): Promise<void> {
  await tx.rows(`
  ALTER TABLE cases ADD COLUMN reference ${C};
  CREATE TABLE case_reference_counters (
    tenant ${C} NOT NULL, prefix ${C} NOT NULL, last bigint NOT NULL, PRIMARY KEY (tenant, prefix));
  `);
  // the cases written before have no definition with a referencePrefix: their key's default prefix
  const types = (await tx.rows<{ case_type: string }>('SELECT DISTINCT case_type FROM cases')).map((r) => ({
    case_type: r.case_type,
    prefix: defaultReferencePrefix(r.case_type),
  }));
  const prefixes = JSON.stringify(types);
  await tx.rows(
    `WITH p AS (SELECT * FROM json_to_recordset($1::json) AS p(case_type text, prefix text)),
    numbered AS (
      SELECT c.id, p.prefix, row_number() OVER (PARTITION BY c.tenant, p.prefix ORDER BY c.created_at, c.id) AS n
      FROM cases c JOIN p ON p.case_type = c.case_type)
    UPDATE cases SET reference = numbered.prefix || '-' || ${referenceNumberSql('numbered.n')}
    FROM numbered WHERE numbered.id = cases.id`,
    [prefixes],
  );
  await tx.rows(
    `INSERT INTO case_reference_counters (tenant, prefix, last)
    SELECT c.tenant, p.prefix, count(*) FROM cases c JOIN json_to_recordset($1::json) AS p(case_type text, prefix text)
      ON p.case_type = c.case_type GROUP BY c.tenant, p.prefix`,
    [prefixes],
  );
  await tx.rows(`
  ALTER TABLE cases ALTER COLUMN reference SET NOT NULL;
  CREATE UNIQUE INDEX cases_by_reference ON cases(tenant, reference);
  `);
}
