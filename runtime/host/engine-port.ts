// The engine as the host uses it (runtime/engine/index.ts implements it). Methods, so the engine's
// concrete compiled type fits where the host only passes it through.
import type { CaseType } from '../../schemas/generated/case-type.ts';
import type { Actor, Case, CaseEvent, ChatMessage, CreateCaseInput, DocumentChange, FieldProblem, Instant, LinkChange, NextEvent, Outcome, Undelivered } from '../engine/index.ts';

export interface ChecklistItem {
  rule: string;
  title: string;
  pass: boolean;
  problems: FieldProblem[];
}

export interface EnginePort<Compiled = unknown> {
  compileCaseType(def: CaseType): Compiled;
  createCase(type: Compiled, input: CreateCaseInput, now: Instant, actor?: Actor): Outcome;
  applyEvent(type: Compiled, kase: Case, event: CaseEvent, now: Instant, actor?: Actor): Outcome;
  fireTimer(type: Compiled, kase: Case, timerId: string, now: Instant): Outcome;
  /** A document added to or removed from the case file (`document.added` / `document.removed`). */
  recordDocument(type: Compiled, kase: Case, change: DocumentChange, now: Instant, actor?: Actor): Outcome;
  /** A chat message from the customer or an agent (`chat.customer` / `chat.agent`). */
  recordChat(type: Compiled, kase: Case, message: ChatMessage, now: Instant, actor?: Actor): Outcome;
  /** A link to another case made or undone (`child.linked`, `parent.linked`, ...: docs/linked-work.md). */
  recordLink(type: Compiled, kase: Case, change: LinkChange, now: Instant, actor?: Actor): Outcome;
  /** An event this case sent that a linked case did not take (`linked.undelivered`). */
  recordUndelivered(type: Compiled, kase: Case, undelivered: Undelivered, now: Instant): Outcome;
  nextEvents(type: Compiled, kase: Case, actor?: Actor): NextEvent[];
  checklist(type: Compiled, kase: Case): ChecklistItem[];
  explainSlas(type: Compiled, kase: Case, now: Instant): unknown[];
}
