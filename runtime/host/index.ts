// The host's public names: the case service, its wiring and what serve and the tests need.
export { createCaseService, type CaseService, type CaseServiceOptions, type NewCase, type ServiceResult } from './case-service.ts';
export { createHost, type Host, type HostOptions } from './create-host.ts';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.ts';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger.ts';
export { ensureAdminToken, seedTemplates, DEFAULT_TENANT } from './bootstrap.ts';
export { problemTable, problemBody, HttpProblem, type ProblemBody, type ProblemCode } from './problems.ts';
export type { EnginePort, ChecklistItem } from './engine-port.ts';
export type { CaseView } from './case-view.ts';
