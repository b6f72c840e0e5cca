// The console's calls for push routing (issue 21, docs/routing.md): agents, the signed-in agent's availability
// and offers, answers, reassignment and the task-holder log. Given to the screens through RoutingApiContext.
import { createContext, useContext } from 'react';
import type { Translate } from '../i18n/index.ts';
import { apiCaller } from './console-api.ts';
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
  /** Null (204) when no admin made the caller an agent. */
  myAgent(): Promise<Result<Agent | null>>;
  setAvailability(availability: Availability): Promise<Result<Agent>>;
  offers(): Promise<Result<{ items: Offer[] }>>;
  answer(taskId: string, answer: 'accept' | 'decline'): Promise<Result<unknown>>;
  assign(taskId: string, assignee: string): Promise<Result<unknown>>;
  taskLog(caseId: string): Promise<Result<{ items: TaskLogEntry[] }>>;
}

export function createRoutingApi(token: string, t?: Translate): RoutingApi {
  const call = apiCaller(token, t);
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
