// A WHERE clause built from optional filters, with named parameters.
export interface Where {
  /** Adds `sql` (using @name) when `value` is defined. */
  when(value: string | number | undefined, name: string, sql: string): Where;
  add(sql: string, params?: Record<string, string | number>): Where;
  sql(): string;
  params: Record<string, string | number>;
}

export function createWhere(first: string, params: Record<string, string | number>): Where {
  const parts = [first];
  const where: Where = {
    params,
    when(value, name, sql) {
      if (value !== undefined) {
        parts.push(sql);
        params[name] = value;
      }
      return where;
    },
    add(sql, extra = {}) {
      parts.push(sql);
      Object.assign(params, extra);
      return where;
    },
    sql: () => parts.join(' AND '),
  };
  return where;
}
