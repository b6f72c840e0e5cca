// Where a problem points: from its JSON pointer into the definition to the thing the designer selects.
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { fromPointer, toPointer } from './pointer.ts';
import { specToList } from './transitions.ts';

export type Selection =
  | { type: 'field'; pointer: string }
  | { type: 'section'; id: string }
  | { type: 'rule'; name: string }
  | { type: 'state'; id: string }
  | { type: 'transition'; source: string; event: string; index: number }
  | { type: 'roles'; pointer: string }
  | { type: 'sla'; name: string }
  | { type: 'calendar'; name: string }
  | { type: 'translations'; language: string }
  | { type: 'message'; name: string }
  | { type: 'json'; pointer: string };

/** The designer view that shows a selection. */
export type View = 'fields' | 'rules' | 'playbook' | 'roles' | 'slas' | 'messages' | 'simulator' | 'types' | 'translations' | 'json';

export function viewOf(selection: Selection): View {
  switch (selection.type) {
    case 'field':
    case 'section':
      return 'fields';
    case 'rule':
      return 'rules';
    case 'state':
    case 'transition':
      return 'playbook';
    case 'roles':
      return 'roles';
    case 'sla':
    case 'calendar':
      return 'slas';
    case 'translations':
      return 'translations';
    case 'message':
      return 'messages';
    case 'json':
      return 'json';
    default: {
      const _never: never = selection;
      return _never;
    }
  }
}

/** Maps a definition pointer (`/playbook/states/triage/on/SUBMIT/0/guard`) to what to select. */
export function selectionForPointer(def: CaseType, pointer: string): Selection {
  const parts = fromPointer(pointer);
  const [head] = parts;
  if (head === 'data') {
    const path: string[] = [];
    for (let i = 1; i < parts.length; i++) {
      if (parts[i] === 'properties' && parts[i + 1] !== undefined) {
        path.push(parts[i + 1] as string);
        i++;
      } else if (parts[i] !== 'items') break;
    }
    if (path.length > 0) return { type: 'field', pointer: toPointer(path) };
  }
  if (head === 'form' && parts[1] === 'sections' && parts[2] !== undefined) {
    const section = def.form?.sections[Number(parts[2])];
    if (parts[3] === 'fields' && parts[4] !== undefined && section) {
      const ref = section.fields[Number(parts[4])];
      if (ref) return { type: 'field', pointer: typeof ref === 'string' ? ref : ref.field };
    }
    if (section) return { type: 'section', id: section.id };
  }
  if (head === 'rules' && parts[1] !== undefined && def.rules?.[parts[1]]) return { type: 'rule', name: parts[1] };
  if (head === 'roles' || head === 'queues') return { type: 'roles', pointer };
  if (head === 'slas' && parts[1] !== undefined && def.slas?.[parts[1]]) return { type: 'sla', name: parts[1] };
  if (head === 'calendars' && parts[1] !== undefined && def.calendars?.[parts[1]]) return { type: 'calendar', name: parts[1] };
  if (head === 'translations' && parts[1] !== undefined) return { type: 'translations', language: parts[1] };
  if (head === 'messages' && parts[1] !== undefined && def.messages?.[parts[1]]) return { type: 'message', name: parts[1] };
  if (head === 'playbook') {
    let state: string | null = null;
    let node: { states?: Record<string, unknown>; on?: Record<string, unknown> } = def.playbook as never;
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i] as string;
      if (part === 'states' && parts[i + 1] !== undefined) {
        const id = parts[i + 1] as string;
        const child = node.states?.[id] as typeof node | undefined;
        if (!child) break;
        state = id;
        node = child;
        i++;
      } else if (part === 'on' && state && parts[i + 1] !== undefined) {
        const event = parts[i + 1] as string;
        const index = parts[i + 2] !== undefined && /^\d+$/.test(parts[i + 2] as string) ? Number(parts[i + 2]) : 0;
        const list = specToList(node.on?.[event] as never);
        if (list[index]) return { type: 'transition', source: state, event, index };
        break;
      } else break;
    }
    if (state) return { type: 'state', id: state };
  }
  return { type: 'json', pointer };
}
