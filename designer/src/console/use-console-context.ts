// Who is signed in (GET /api/me) and the published case types (latest versions, by key), loaded once
// per visit of the console; case views load the exact version their case was created with.
import { useEffect, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Me, ConsoleApi } from './console-api.ts';

export interface ConsoleContext {
  me: Me;
  /** Latest published definition of each case type, by key. */
  types: Map<string, CaseType>;
}

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

export function useConsoleContext(api: ConsoleApi): Loaded<ConsoleContext> {
  const [state, setState] = useState<Loaded<ConsoleContext>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void (async () => {
      const [me, list] = await Promise.all([api.me(), api.caseTypes()]);
      if (!me.ok) return live && setState({ status: 'failed', message: me.message });
      if (!list.ok) return live && setState({ status: 'failed', message: list.message });
      const types = new Map<string, CaseType>();
      const defs = await Promise.all(list.value.filter((t) => t.latestVersion !== null).map((t) => api.caseType(t.key)));
      for (const d of defs) if (d.ok) types.set(d.value.key, d.value);
      if (live) setState({ status: 'ready', value: { me: me.value, types } });
    })();
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}

/** "My queues": the queues (of every case type) whose role the token holds; an admin holds them all. */
export function myQueues(ctx: ConsoleContext): Set<string> {
  const out = new Set<string>();
  const admin = ctx.me.roles.includes('admin');
  for (const def of ctx.types.values()) {
    for (const [id, q] of Object.entries(def.queues ?? {})) if (admin || (q?.role !== undefined && ctx.me.roles.includes(q.role))) out.add(id);
  }
  return out;
}
