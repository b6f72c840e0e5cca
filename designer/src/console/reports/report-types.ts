// The answers of the report routes (docs/reports.md), as the reports area reads them.
import type { ReasonsReport } from '../reasons-report.ts';

export type Bucket = 'day' | 'week' | 'month';

export interface SlaReport {
  items: {
    caseType: string;
    sla: string;
    total: number;
    running: number;
    paused: number;
    warning: number;
    missedGoal: number;
    breached: number;
    met: number;
    metLate: number;
    cancelled: number;
    compliance: number | null;
  }[];
}

export interface SlaTrend {
  bucket: Bucket;
  items: { start: string; met: number; metLate: number; missedGoal: number; breached: number }[];
}

export interface Ageing {
  under1d: number;
  d1to3: number;
  d3to7: number;
  d7to30: number;
  over30d: number;
}

export interface BacklogReport {
  asOf: string;
  total: number;
  items: {
    queue: string | null;
    state: string;
    count: number;
    ageing: Ageing;
    oldestCreatedAt: string | null;
  }[];
}

export interface StagesReport {
  items: {
    caseType: string;
    state: string;
    visits: number;
    completed: number;
    totalMs: number;
    averageMs: number | null;
    medianMs?: number | null;
    p90Ms?: number | null;
    current: number;
  }[];
}

export type { ReasonsReport };

export interface ReasonsTrend {
  field: string;
  bucket: Bucket;
  values: unknown[];
  items: { start: string; value: unknown; count: number }[];
}

export interface ChannelsReport {
  total: number;
  items: { channel: string; count: number; share: number }[];
  trend: { bucket: Bucket; items: { start: string; channel: string; count: number }[] };
}

export interface AgentsReport {
  total: number;
  items: {
    agent: string;
    tasksClosed: number;
    cases: number;
    medianHandlingMs: number | null;
    p90HandlingMs: number | null;
  }[];
}

export interface FeedbackReport {
  surveys: number;
  responses: number;
  responseRate: number | null;
  averageScore: number | null;
  scale: { min: number; max: number } | null;
  distribution: { score: number; count: number }[];
  trend: { bucket: Bucket; items: { start: string; responses: number; averageScore: number | null }[] };
}
