// The report routes' calls (docs/reports.md), typed by their answers; results are values and a 422 keeps its
// message (the console's apiCaller words failures in the reader's language).
import { apiCaller } from '../console-api.ts';
import type { Result } from '../api-result.ts';
import { ENGLISH, type Translate } from '../../i18n/index.ts';
import type {
  AgentsReport,
  BacklogReport,
  ChannelsReport,
  FeedbackReport,
  ReasonsReport,
  ReasonsTrend,
  SlaReport,
  SlaTrend,
  StagesReport,
} from './report-types.ts';

export type ReportQuery = Record<string, string>;

export interface ReportsApi {
  sla(q: ReportQuery): Promise<Result<SlaReport>>;
  slaTrend(q: ReportQuery): Promise<Result<SlaTrend>>;
  backlog(q: ReportQuery): Promise<Result<BacklogReport>>;
  stages(q: ReportQuery): Promise<Result<StagesReport>>;
  reasons(q: ReportQuery): Promise<Result<ReasonsReport>>;
  reasonsTrend(q: ReportQuery): Promise<Result<ReasonsTrend>>;
  channels(q: ReportQuery): Promise<Result<ChannelsReport>>;
  agents(q: ReportQuery): Promise<Result<AgentsReport>>;
  feedback(q: ReportQuery): Promise<Result<FeedbackReport>>;
}

/** The report route's address with its query, empty values left out. */
export function reportPath(route: string, q: ReportQuery): string {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();
  return `/api/reports/${route}${s ? `?${s}` : ''}`;
}

export function createReportsApi(token: string, t: Translate = ENGLISH.t): ReportsApi {
  const call = apiCaller(token, t);
  const get =
    <T>(route: string) =>
    (q: ReportQuery) =>
      call<T>('GET', reportPath(route, q));
  return {
    sla: get('sla'),
    slaTrend: get('sla/trend'),
    backlog: get('backlog'),
    stages: get('stages'),
    reasons: get('reasons'),
    reasonsTrend: get('reasons/trend'),
    channels: get('channels'),
    agents: get('agents'),
    feedback: get('feedback'),
  };
}
