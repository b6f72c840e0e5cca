// Fields in business words: "Claim › Amount" from the titles (or names) of a field and the groups around it.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { listFields } from './fields.ts';
import { fromPointer, toPointer } from './pointer.ts';

/** A labeller for the fields of `def`: "Claim › Amount"; the pointer itself for a field that does not exist. */
export function fieldLabeller(def: CaseType): (pointer: string) => string {
  const titles = new Map(listFields(def).map((f) => [f.pointer, f.schema.title || f.name]));
  return (pointer) => {
    if (!titles.has(pointer)) return pointer;
    const path = fromPointer(pointer);
    return path.map((_, i) => titles.get(toPointer(path.slice(0, i + 1))) ?? path[i]).join(' › ');
  };
}
