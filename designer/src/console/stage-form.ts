// The form of the current stage: the current task's section first, then the other sections; a field is
// editable only when an event the agent may send now carries it (so nothing typed goes nowhere) and
// its own readOnlyWhen allows it.
import type { CaseType, FieldRef, Form, Guard } from '../../../schemas/generated/case-type.ts';
import { compileCaseType, formScope, formSections } from '../../../runtime/engine/index.ts';
import type { CaseData, CompiledCaseType, FormScope, NextEvent, StateValue } from '../../../runtime/engine/index.ts';
import { dataChanges } from './console-model.ts';
import { ENGLISH, type Words } from '../i18n/index.ts';

/** A guard name no definition can use (rule names are identifiers): "always read-only here". */
export const NOT_CARRIED = '#not-carried-by-an-allowed-event';

/** Top-level data keys the events the agent may send now carry. */
export function carriedKeys(def: CaseType, next: readonly NextEvent[]): Set<string> {
  const out = new Set<string>();
  for (const n of next) {
    if (!n.available || !n.allowed) continue;
    for (const key of Object.keys(def.events?.[n.type]?.data?.properties ?? {})) out.add(key);
  }
  return out;
}

export function stageForm(def: CaseType, taskForm: string | null, carried: ReadonlySet<string>): Form {
  const sections = [...formSections(def)].sort((a, b) => Number(b.id === taskForm) - Number(a.id === taskForm));
  return {
    sections: sections.map((s) => ({
      ...s,
      fields: s.fields.map((r): FieldRef => {
        const ref: FieldRef = typeof r === 'string' ? { field: r } : r;
        const top = ref.field.split('/')[1] ?? '';
        return carried.has(top) ? ref : { ...ref, readOnlyWhen: NOT_CARRIED };
      }),
    })),
  };
}

/** Top-level data keys some event of the case type carries (whether or not the agent may send it now). */
function everCarried(def: CaseType): Set<string> {
  const out = new Set<string>();
  for (const event of Object.values(def.events ?? {})) for (const key of Object.keys(event?.data?.properties ?? {})) out.add(key);
  return out;
}

/**
 * Why a field of the stage form is read-only, in the agent's words: a field some event carries but none
 * the agent may send now is "Not editable in this stage"; one no event carries is set when the case is
 * opened (it is on the intake form) or by the system (actions, timers, child cases); one a rule of the
 * case type locks (`readOnlyWhen`) is "Locked by the case type's rules at this point".
 */
export function readOnlyReason(def: CaseType, pointer: string, cause: Guard | null, { t }: Words = ENGLISH): string {
  if (cause !== NOT_CARRIED) return cause === null ? t('console.readOnly.plain') : t('console.readOnly.locked');
  const top = pointer.split('/')[1] ?? '';
  if (everCarried(def).has(top)) return t('console.readOnly.notInStage');
  const intake = intakeForm(def).sections.flatMap((sec) => sec.fields.map((r) => (typeof r === 'string' ? r : r.field)));
  return intake.some((f) => f === `/${top}` || f.startsWith(`/${top}/`)) ? t('console.readOnly.atOpening') : t('console.readOnly.bySystem');
}

/**
 * The fields the agent changed (`working` against the case's `current` data) that no event the agent may
 * send now carries: kept on screen after a conflict, but they can no longer be sent from here.
 */
export function strandedChanges(def: CaseType, next: readonly NextEvent[], current: Record<string, unknown>, working: Record<string, unknown>): string[] {
  const carried = carriedKeys(def, next);
  return dataChanges(current, working)
    .map((c) => c.pointer)
    .filter((p) => !carried.has(p.split('/')[1] ?? ''));
}

const compiled = new Map<string, CompiledCaseType | null>();

/**
 * The engine's form scope for the agent's working copy (`visibleWhen`/`readOnlyWhen`, the checklist's
 * required fields), plus NOT_CARRIED, which always holds; a definition that does not compile evaluates
 * no condition but that one.
 */
export function stageScope(def: CaseType, state: StateValue, data: Record<string, unknown>): FormScope {
  const k = `${def.key}@${def.version ?? 0}`;
  if (!compiled.has(k)) {
    try {
      compiled.set(k, compileCaseType(def));
    } catch {
      compiled.set(k, null);
    }
  }
  const type = compiled.get(k) ?? null;
  if (type === null) return { holds: (g) => g === NOT_CARRIED };
  const scope = formScope(type, state, data as CaseData);
  return { ...scope, holds: (g) => g === NOT_CARRIED || scope.holds(g) };
}

/**
 * The payload form of an event: the fields its schema carries (top-level keys), drawn with the form's own
 * references to them (widget, label, help) when the form has some, without their visibility conditions.
 */
export function payloadForm(def: CaseType, eventType: string, title: string): Form {
  const refs = formSections(def).flatMap((sec) => sec.fields.map((r): FieldRef => (typeof r === 'string' ? { field: r } : r)));
  const fields: FieldRef[] = [];
  for (const key of Object.keys(def.events?.[eventType]?.data?.properties ?? {})) {
    const mine = refs.filter((r) => r.field === `/${key}` || r.field.startsWith(`/${key}/`));
    const plain = mine.map(({ visibleWhen: _v, readOnlyWhen: _r, ...rest }) => rest);
    fields.push(...(plain.length > 0 ? plain : [{ field: `/${key}` }]));
  }
  return { sections: [{ id: 'payload', title, fields }] };
}

/**
 * The intake form: the form's first section (the one an agent fills when the customer gets in touch),
 * plus a section with the required top-level fields it lacks, so every field needed to create is on screen.
 */
export function intakeForm(def: CaseType, { t }: Words = ENGLISH): Form {
  const first = formSections(def)[0];
  const shown = (first?.fields ?? []).map((r) => (typeof r === 'string' ? r : r.field));
  const missing = (def.data.required ?? []).filter((k) => !shown.some((f) => f === `/${k}` || f.startsWith(`/${k}/`))).map((k) => `/${k}`);
  return { sections: [...(first ? [first] : []), ...(missing.length > 0 ? [{ id: 'also-required', title: t('console.intake.alsoRequired'), fields: missing }] : [])] };
}
