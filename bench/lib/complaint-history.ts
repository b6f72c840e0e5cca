// Histories of closed complaints as a host would have stored them, generated with the engine itself
// from seeded randomness (the same seed, the same histories): creation on a working morning, triage,
// investigation, resolution (some above the mandate, through approval), the survey answered or left to
// expire, a few withdrawn on the way. Due timers fire between events and their entries are kept, as the
// host's scheduler would have written them. The backtest's bench and tests replay these.
import {
  applyEvent,
  compileCaseType,
  createCase,
  dueTimers,
  fireTimer,
  type Actor,
  type Case,
  type CaseData,
  type CompiledCaseType,
  type HistoryEntry,
  type Outcome,
} from '../../runtime/engine/index.ts';
import type { CaseType } from '../../schemas/generated/case-type.ts';

export interface GeneratedCase {
  id: string;
  history: HistoryEntry[];
  createdAt: string;
  closedAt: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 5 January 2026, 09:00 in Amsterdam (CET, UTC+1): the first working morning of the generated window. */
const FIRST_MORNING = Date.parse('2026-01-05T08:00:00Z');
/** Working days in the window (5 January to 13 March 2026; no public holiday falls in it, all of it CET). */
const WORKING_DAYS = 50;

const actor: Actor = { id: 'generator', roles: ['admin'] };

/** mulberry32: a small seeded generator, enough to spread the cases. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

class CaseRun {
  history: HistoryEntry[] = [];
  kase: Case;
  at: number;
  constructor(
    private readonly type: CompiledCaseType,
    id: string,
    data: CaseData,
    at: number,
  ) {
    this.at = at;
    this.kase = this.accept(createCase(type, { id, data }, iso(at), actor), 'case.created');
  }
  private accept(outcome: Outcome, what: string): Case {
    if (!outcome.ok) throw new Error(`complaint history: ${what} was refused (${outcome.code}: ${outcome.message})`);
    this.history.push(outcome.history);
    return outcome.case;
  }
  /** Fires the timers due up to `until`, each at its due time, as the scheduler would. */
  private settle(until: number): void {
    for (;;) {
      if (this.kase.closedAt !== null) return;
      const next = dueTimers(this.kase, iso(until))[0];
      if (next === undefined) return;
      this.kase = this.accept(fireTimer(this.type, this.kase, next.id, next.dueAt), next.event);
    }
  }
  send(afterMs: number, type: string, data?: CaseData): void {
    this.at += Math.round(afterMs / 60_000) * 60_000;
    this.settle(this.at);
    this.kase = this.accept(applyEvent(this.type, this.kase, data === undefined ? { type } : { type, data }, iso(this.at), actor), type);
  }
  /** Lets time pass until the case closes by its own timers (the survey expiring). */
  waitForClose(): void {
    this.settle(this.at + 30 * DAY);
    if (this.kase.closedAt === null) throw new Error(`complaint history: case ${this.kase.id} did not close by its timers`);
  }
}

const reasons = ['billing', 'delivery', 'product-quality', 'service', 'staff-behaviour', 'privacy', 'other'];
const severities = ['low', 'medium', 'high'];

/**
 * `count` closed complaints of `definition` (the complaint template), each created on a working
 * morning between 09:00 and 11:30 in Amsterdam, from `seed`.
 */
export function generateComplaintHistories(definition: CaseType, count: number, seed = 19): GeneratedCase[] {
  const type = compileCaseType(definition);
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (min: number, max: number): number => min + random() * (max - min);
  const cases: GeneratedCase[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * WORKING_DAYS);
    const week = Math.floor(day / 5);
    const created = FIRST_MORNING + (week * 7 + (day % 5)) * DAY + Math.round(between(0, 2.5 * 60)) * 60_000;
    const run = new CaseRun(type, `gen-${String(i).padStart(5, '0')}`, {
      customer: { name: `Customer ${String(i)}` },
      channel: pick(['email', 'phone', 'chat', 'letter', 'web']),
      description: `Generated complaint ${String(i)}.`,
    }, created);
    const path = random();
    if (path < 0.06) {
      run.send(between(0.5, 6) * HOUR, 'WITHDRAW');
    } else {
      run.send(between(0.3, 9) * HOUR, 'SUBMIT_TRIAGE', { reason: pick(reasons), severity: pick(severities) });
      if (path < 0.1) {
        run.send(between(2, 48) * HOUR, 'WITHDRAW');
      } else {
        run.send(between(2, 72) * HOUR, 'EVIDENCE_COLLECTED', { investigation: { evidence: [{ kind: 'email', summary: 'The customer’s e-mail.' }] } });
        run.send(between(2, 72) * HOUR, 'SUBMIT_FINDINGS', { investigation: { rootCause: 'our-error', findings: 'A mistake on our side.' } });
        const above = random() < 0.15;
        run.send(between(1, 60) * HOUR, 'PROPOSE_RESOLUTION', {
          resolution: { outcome: 'upheld', summary: 'We put it right.', compensation: above ? Math.round(between(501, 2000)) : Math.round(between(0, 500)) },
        });
        if (above) run.send(between(1, 30) * HOUR, 'APPROVE_COMPENSATION', { approval: { approvedBy: 'Supervisor' } });
        if (random() < 0.6) run.send(between(1, 150) * HOUR, 'SURVEY_ANSWERED', { survey: { score: 1 + Math.floor(random() * 5) } });
        else run.waitForClose();
      }
    }
    const closedAt = run.kase.closedAt;
    if (closedAt === null) throw new Error(`complaint history: case ${run.kase.id} is still open`);
    cases.push({ id: run.kase.id, history: run.history, createdAt: iso(created), closedAt });
  }
  return cases;
}

/** The complaint template with the resolution deadline tightened from 5 working days to 2 (goal 1, warning after 4 hours). */
export function tightenedResolution(definition: CaseType): CaseType {
  const resolution = definition.slas?.resolution;
  if (resolution === undefined) throw new Error('complaint history: the definition has no resolution SLA');
  const { version: _version, ...draft } = definition;
  return { ...draft, slas: { ...definition.slas, resolution: { ...resolution, warnAt: 'PT4H', goal: 'P1D', deadline: 'P2D' } } };
}
