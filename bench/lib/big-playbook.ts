// A valid case type with a playbook of `count` states in a chain (each NEXT goes on, the last is
// final), every second state with a task: the designer's canvas figure loads it.
import type { CaseType, StateNode } from '../../schemas/generated/case-type.ts';

export function bigPlaybook(key: string, count: number): CaseType {
  const states: Record<string, StateNode> = {};
  for (let i = 1; i <= count; i++) {
    const id = `step${i}`;
    states[id] =
      i === count
        ? { title: `Step ${i}`, type: 'final' }
        : {
            title: `Step ${i}`,
            ...(i % 2 === 1 ? { task: { title: `Work on step ${i}` } } : {}),
            on: { NEXT: { target: `step${i + 1}` } },
          };
  }
  return {
    key,
    title: `${count} states in a chain`,
    data: { type: 'object', properties: { note: { type: 'string', title: 'Note' } } },
    form: { sections: [{ id: 'details', title: 'Details', fields: ['/note'] }] },
    events: { NEXT: { title: 'Next step' } },
    playbook: { title: `${count} states`, initial: 'step1', states },
  };
}
