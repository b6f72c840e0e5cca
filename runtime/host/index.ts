// The host's public names: the case service, its wiring and what serve and the tests need.
export { createCaseService, type CaseService, type CaseServiceOptions, type NewCase, type ServiceResult } from './case-service.ts';
export { createHost, createHostServices, type Host, type HostOptions, type HostServices } from './create-host.ts';
export { createCaseTypeService, type CaseTypeService } from './case-type-service.ts';
export { createTaskService, type TaskService } from './task-service.ts';
export { createTokenService, hashToken, issueToken, newTokenSecret, platformRoles, type TokenService } from './tokens.ts';
export { HostError, type HostFailure, type HostErrorCode, type Result } from './host-result.ts';
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock.ts';
export { createLogger, silentLogger, type Logger, type LogLevel } from './logger.ts';
export { ensureAdminToken, seedTemplates, DEFAULT_TENANT } from './bootstrap.ts';
export type { EnginePort, ChecklistItem } from './engine-port.ts';
export type { CaseView } from './case-view.ts';
export { createDocumentService, DEFAULT_DOCUMENT_MAX_BYTES, type DocumentService, type NewDocument, type DocumentChanged } from './document-service.ts';
