// An in-process host for the store-level figures: the SQLite CaseStore (WAL, synchronous=FULL,
// group commit) and the case service (load → engine → commit), with the complaint published.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as engine from '../../runtime/engine/index.ts';
import { createCaseService, type CaseService } from '../../runtime/host/case-service.ts';
import { systemClock } from '../../runtime/host/clock.ts';
import { createSqliteStore, type SqliteCaseStore } from '../../runtime/store/index.ts';
import { benchActor, complaintDefinition, loopEvents, triageEvent, type FlowEvent } from './complaint-flow.ts';

export const TENANT = 'default';

export interface BenchHost {
  store: SqliteCaseStore;
  service: CaseService;
  close(): Promise<void>;
}

/** A fresh database file in `dir` (old files removed first). */
export function freshDbFile(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return file;
}

export async function createBenchHost(file: string): Promise<BenchHost> {
  const store = createSqliteStore({ file });
  const at = systemClock.now();
  await store.ensureTenant(TENANT, at);
  await store.publish(TENANT, 'complaint', complaintDefinition(), at);
  const service = createCaseService({ store, engine, clock: systemClock });
  return { store, service, close: () => store.close() };
}

/** Sends one event through the service; throws unless it is accepted (a benchmark must not count rejections). */
export async function send(service: CaseService, caseId: string, event: FlowEvent): Promise<void> {
  const result = await service.sendEvent(TENANT, caseId, event, benchActor);
  if (!result.ok || result.replay === true) {
    throw new Error(`bench: ${event.type} on ${caseId} was not accepted: ${JSON.stringify(result).slice(0, 400)}`);
  }
}

export async function create(service: CaseService, data: engine.CaseData): Promise<string> {
  const result = await service.createCase(TENANT, { caseType: 'complaint', data }, benchActor);
  if (!result.ok || result.replay === true) throw new Error(`bench: creating a complaint failed: ${JSON.stringify(result).slice(0, 400)}`);
  return result.case.id;
}

/** Creates `count` complaints (and triages them when `triage`), `parallel` at a time. */
export async function prepareCases(service: CaseService, data: engine.CaseData, count: number, triage: boolean, parallel = 256): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, count - from) }, () => create(service, data)));
    if (triage) await Promise.all(batch.map((id) => send(service, id, triageEvent)));
    ids.push(...batch);
  }
  return ids;
}

/** The k-th event of the loop on a case: even steps ask the customer, odd steps bring the reply. */
export function loopEvent(k: number): FlowEvent {
  return loopEvents[k % 2] as FlowEvent;
}
