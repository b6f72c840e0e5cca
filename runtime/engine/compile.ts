// compileCaseType: a valid definition → everything the engine needs to run its cases, built once:
// the XState machine, the ajv validators, the state index and the business calendars.
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';
import { compileCalendar } from './calendar.ts';
import type { BusinessCalendar } from './calendar.ts';
import { buildMachine, rootId } from './machine.ts';
import type { CaseMachine } from './machine.ts';
import { indexPlaybook } from './playbook-index.ts';
import type { PlaybookIndex } from './playbook-index.ts';
import { compileValidators, ruleHolds, ruleProblems } from './rules.ts';
import type { Validators } from './rules.ts';
import type { CaseData, FieldProblem } from './types.ts';

export interface CompiledCaseType {
  readonly def: CaseType;
  readonly key: string;
  /** The published version; 0 for a draft. */
  readonly version: number;
  readonly machine: CaseMachine;
  readonly index: PlaybookIndex;
  readonly validators: Validators;
  readonly calendars: Readonly<Record<string, BusinessCalendar | undefined>>;
  ruleHolds(rule: string, data: CaseData): boolean;
  ruleProblems(rule: string, data: CaseData): FieldProblem[];
}

const CACHE_LIMIT = 256;
const byObject = new WeakMap<CaseType, CompiledCaseType>();
const byKey = new Map<string, CompiledCaseType>();

/** FNV-1a over the definition's JSON: an edited draft (or a reused key@version in tests) recompiles. */
function contentHash(def: CaseType): string {
  const text = JSON.stringify(def);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}.${hash.toString(36)}`;
}

/**
 * Compiles a case type that passed validation. Cached by `<key>@<version|draft>` plus a hash of its
 * content, so a published version compiles once and an edited draft recompiles.
 */
export function compileCaseType(def: CaseType): CompiledCaseType {
  // A published version is immutable, so its object is a key; a draft may be edited in place.
  const known = def.version !== undefined ? byObject.get(def) : undefined;
  if (known) return known;
  const cacheKey = `${def.key}@${def.version ?? 'draft'}#${contentHash(def)}`;
  let compiled = byKey.get(cacheKey);
  if (!compiled) {
    compiled = build(def);
    if (byKey.size >= CACHE_LIMIT) byKey.delete(byKey.keys().next().value as string);
    byKey.set(cacheKey, compiled);
  }
  if (def.version !== undefined) byObject.set(def, compiled);
  return compiled;
}

/** Thrown for a definition that did not pass validation: compile only what `dossier validate` accepts. */
export class CaseTypeCompileError extends Error {
  readonly code = 'definition.invalid';
  constructor(
    caseType: string,
    readonly pointer: string,
    cause: unknown,
  ) {
    super(
      `Case type "${caseType}" cannot be compiled at ${pointer}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Validate it first (dossier validate) and fix the problems it lists.',
    );
    this.name = 'CaseTypeCompileError';
  }
}

function build(def: CaseType): CompiledCaseType {
  const index = indexPlaybook(def.playbook);
  const validators = compileValidators(def, (pointer, error) => new CaseTypeCompileError(def.key, pointer, error));
  const calendars: Record<string, BusinessCalendar | undefined> = {};
  for (const [name, calendar] of Object.entries(def.calendars ?? {})) {
    if (calendar) calendars[name] = compileCalendar(calendar, name);
  }
  const holds = (rule: string, data: CaseData): boolean => ruleHolds(validators, rule, data);
  let machine: CaseMachine;
  try {
    machine = buildMachine({
      def,
      calendars,
      rootId: rootId(def, new Set(index.states.keys())),
      stateNode: (id: string): StateNode | undefined => index.states.get(id)?.node,
      ruleHolds: holds,
    });
  } catch (error) {
    throw new CaseTypeCompileError(def.key, '/playbook', error);
  }
  return {
    def,
    key: def.key,
    version: def.version ?? 0,
    machine,
    index,
    validators,
    calendars,
    ruleHolds: holds,
    ruleProblems: (rule, data) => ruleProblems(validators, rule, data),
  };
}
