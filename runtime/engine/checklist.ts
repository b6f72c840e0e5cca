// The completeness views: the current states' checklists and one rule explained in field terms.
import type { CompiledCaseType } from './compile.ts';
import { activeStateIds } from './playbook-index.ts';
import type { Case, CaseData, FieldProblem } from './types.ts';

export interface ChecklistItem {
  rule: string;
  title: string;
  pass: boolean;
  problems: FieldProblem[];
}

/** The rules of the active states' checklists (outer states first, each rule once) on the current data. */
export function checklist(type: CompiledCaseType, kase: Case): ChecklistItem[] {
  const rules: string[] = [];
  for (const id of activeStateIds(kase.state)) {
    for (const rule of type.index.states.get(id)?.node.checklist ?? []) {
      if (!rules.includes(rule)) rules.push(rule);
    }
  }
  return rules.map((rule) => {
    const problems = type.ruleProblems(rule, kase.data);
    return { rule, title: type.def.rules?.[rule]?.title ?? rule, pass: problems.length === 0, problems };
  });
}

/** Why a rule fails on some data, in field terms; `[]` when it holds. */
export function explainRule(type: CompiledCaseType, rule: string, data: CaseData): FieldProblem[] {
  return type.ruleProblems(rule, data);
}
