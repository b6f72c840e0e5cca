// The durable timer of a task that escalates when overdue (runtime/engine/task-due.ts): one per state,
// since a state has at most one open task. Its id is also the event it fires.

const OVERDUE_TIMER = /^task\.([a-zA-Z][a-zA-Z0-9_-]{0,63})\.overdue$/;

/** `task.<stateId>.overdue`: the timer id and the event of the task of `stateId` passing its due time. */
export function overdueTimerId(stateId: string): string {
  return `task.${stateId}.overdue`;
}

/** The state whose task an overdue timer (or event) stands for, or null for any other timer. */
export function overdueStateOf(timerId: string): string | null {
  return OVERDUE_TIMER.exec(timerId)?.[1] ?? null;
}
