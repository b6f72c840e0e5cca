// Pure edits of who works on cases (roles) and where work waits (queues).
import type { CaseType, Queue, Role, StateNode } from '../../../schemas/generated/case-type.ts';
import { clone } from './clone.ts';

export const ROLE_QUEUE_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/;

export function addRole(def: CaseType, id: string, title: string): CaseType {
  if (def.roles?.[id]) return def;
  return { ...clone(def), roles: { ...(def.roles ?? {}), [id]: title ? { title } : {} } };
}

export function addQueue(def: CaseType, id: string, title: string, role?: string): CaseType {
  if (def.queues?.[id]) return def;
  const queue: Queue = { ...(title ? { title } : {}), ...(role ? { role } : {}) };
  return { ...clone(def), queues: { ...(def.queues ?? {}), [id]: queue } };
}

function patchEntry<T extends object>(entry: T, patch: Partial<T>): T {
  const out = { ...entry } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete out[k];
    else out[k] = v;
  }
  return out as T;
}

export function updateRole(def: CaseType, id: string, patch: Partial<Role>): CaseType {
  const role = def.roles?.[id];
  if (!role) return def;
  return { ...clone(def), roles: { ...def.roles, [id]: patchEntry(role, patch) } };
}

export function updateQueue(def: CaseType, id: string, patch: Partial<Queue>): CaseType {
  const queue = def.queues?.[id];
  if (!queue) return def;
  return { ...clone(def), queues: { ...def.queues, [id]: patchEntry(queue, patch) } };
}

/** Deletes a role, and takes it off the events and queues that name it. */
export function deleteRole(def: CaseType, id: string): CaseType {
  if (!def.roles?.[id]) return def;
  const next = clone(def);
  delete (next.roles as Record<string, Role>)[id];
  for (const ev of Object.values(next.events ?? {})) {
    if (!ev?.roles) continue;
    ev.roles = ev.roles.filter((r) => r !== id);
    if (ev.roles.length === 0) delete ev.roles;
  }
  for (const q of Object.values(next.queues ?? {})) if (q?.role === id) delete q.role;
  return next;
}

/** Deletes a queue, and takes it off the tasks that route to it. */
export function deleteQueue(def: CaseType, id: string): CaseType {
  if (!def.queues?.[id]) return def;
  const next = clone(def);
  delete (next.queues as Record<string, Queue>)[id];
  const walk = (states: Record<string, StateNode | undefined> | undefined): void => {
    for (const s of Object.values(states ?? {})) {
      if (!s) continue;
      if (s.task?.queue === id) delete s.task.queue;
      walk(s.states);
    }
  };
  walk(next.playbook.states);
  return next;
}
