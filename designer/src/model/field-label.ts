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

/** A field's label for people, from the data schema titles: "Customer › E-mail" (a part without a title by its key); the pointer itself only without a case type. */
export function fieldLabel(def: CaseType | null, pointer: string): string {
  if (!def) return pointer;
  const parts: string[] = [];
  let node: CaseType['data'] | undefined = def.data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node?.type === 'array') {
      node = node.items;
      if (/^\d+$/.test(key)) {
        parts.push(`#${Number(key) + 1}`);
        continue;
      }
    }
    node = node?.properties?.[key];
    parts.push(node?.title ?? key);
  }
  return parts.join(' › ') || pointer;
}
