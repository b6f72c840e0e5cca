// The console's calls for push routing (issue 21, docs/routing.md): agents, the signed-in agent's availability
// and offers, answers, reassignment and the task-holder log. Given to the screens through RoutingApiContext.
import { createContext, useContext } from 'react';
import { authHeaders } from '../app/credential.ts';
import type { Result } from './api-result.ts';

export type Availability = 'available' | 'away' | 'offline';
export const AVAILABILITY: readonly Availability[] = ['available', 'away', 'offline'];

export interface Agent {
  name: string;
  skills: Record<string, number>;
  capacity: { total: number; perQueue?: Record<string, number>; perChannel?: Record<string, number> };
  availability: Availability;
  queues: string[];
  updatedAt: string;
  updatedBy: string;
}

export interface Catalog {
  queues: { caseType: string; queue: string; title: string; skills: { skill: string; level: number }[]; strategy: string | null }[];
  skills: string[];
}

export interface Offer {
  id: number;
  taskId: string;
  caseId: string;
  agent: string;
  title: string;
  reference: string;
  caseType: string;
  offeredAt: string;
  expiresAt: string;
  explanation: string;
}

export interface TaskLogEntry {
  id: number;
  taskId: string;
  at: string;
  kind: 'offered' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'claimed' | 'released' | 'reassigned';
  agent: string | null;
  by: string;
  detail: string | null;
}

export interface RoutingApi {
  catalog(): Promise<Result<Catalog>>;
  agents(): Promise<Result<{ items: Agent[] }>>;
  saveAgent(name: string, body: Omit<Agent, 'name' | 'updatedAt' | 'updatedBy'>): Promise<Result<Agent>>;
  deleteAgent(name: string): Promise<Result<unknown>>;
  myAgent(): Promise<Result<Agent>>;
  setAvailability(availability: Availability): Promise<Result<Agent>>;
  offers(): Promise<Result<{ items: Offer[] }>>;
  answer(taskId: string, answer: 'accept' | 'decline'): Promise<Result<unknown>>;
  assign(taskId: string, assignee: string): Promise<Result<unknown>>;
  taskLog(caseId: string): Promise<Result<{ items: TaskLogEntry[] }>>;
}

export function createRoutingApi(token: string): RoutingApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: { ...authHeaders(token), Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      return { ok: false, status: 0, code: 'network', message: e instanceof Error ? e.message : String(e), problems: [] };
    }
    const text = await res.text();
    let payload: unknown;
    try {
      payload = text ? JSON.parse(text) : null;
    } catch {
      payload = text;
    }
    if (res.ok) return { ok: true, value: payload as T };
    const p = (typeof payload === 'object' && payload !== null ? payload : {}) as { detail?: unknown; code?: unknown };
    return { ok: false, status: res.status, code: typeof p.code === 'string' ? p.code : `http.${res.status}`, message: typeof p.detail === 'string' ? p.detail : String(res.status), problems: [] };
  }
  const enc = encodeURIComponent;
  return {
    catalog: () => call('GET', '/api/routing/catalog'),
    agents: () => call('GET', '/api/agents'),
    saveAgent: (name, body) => call('PUT', `/api/agents/${enc(name)}`, body),
    deleteAgent: (name) => call('DELETE', `/api/agents/${enc(name)}`),
    myAgent: () => call('GET', '/api/me/agent'),
    setAvailability: (availability) => call('PUT', '/api/me/availability', { availability }),
    offers: () => call('GET', '/api/offers'),
    answer: (taskId, answer) => call('POST', `/api/tasks/${enc(taskId)}/${answer}`),
    assign: (taskId, assignee) => call('POST', `/api/tasks/${enc(taskId)}/assign`, { assignee }),
    taskLog: (caseId) => call('GET', `/api/cases/${enc(caseId)}/task-log`),
  };
}

export const RoutingApiContext = createContext<RoutingApi | null>(null);

export function useRoutingApi(): RoutingApi | null {
  return useContext(RoutingApiContext);
}

/** Supervisors (the case-type role `supervisor`) and admins reassign and see the agents. */
export const isSupervisor = (roles: readonly string[]): boolean => roles.includes('admin') || roles.includes('supervisor');
