// What every editor panel gets: the draft, the one way to change it, and the selection. Its own module,
// so the panels (fields, rules, canvas, stages) and the views that hold them import it, not each other.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import type { Selection } from '../model/problem-target.ts';

export interface EditProps {
  def: CaseType;
  edit: (fn: (def: CaseType) => CaseType, key?: string) => void;
  selection: Selection | null;
  select: (s: Selection | null) => void;
}
