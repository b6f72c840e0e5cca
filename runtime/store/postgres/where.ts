// A WHERE clause built from optional filters, with PostgreSQL's numbered parameters ($1, $2, …).
import { hasNul, type SqlValue } from './postgres-db.ts';

export interface Where {
  /** The placeholder of a new parameter holding `value`. */
  param(value: SqlValue): string;
  /** Adds the condition `sql(placeholder)` when `value` is defined (FALSE when it holds U+0000: no stored text does). */
  when(value: string | number | undefined, sql: (p: string) => string): Where;
  add(sql: string): Where;
  sql(): string;
  values: SqlValue[];
}

export function createWhere(): Where {
  const parts: string[] = [];
  const values: SqlValue[] = [];
  const where: Where = {
    values,
    param(value) {
      values.push(value);
      return `$${values.length}`;
    },
    when(value, sql) {
      if (typeof value === 'string' && hasNul(value)) parts.push('FALSE');
      else if (value !== undefined) parts.push(sql(where.param(value)));
      return where;
    },
    add(sql) {
      parts.push(sql);
      return where;
    },
    sql: () => (parts.length === 0 ? 'TRUE' : parts.join(' AND ')),
  };
  return where;
}
