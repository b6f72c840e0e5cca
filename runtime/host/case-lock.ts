// Serialises work on one case inside this process, so concurrent events on a case are applied one
// after the other (the store's revision check still guards against other processes).
export interface CaseLock {
  run<T>(caseId: string, work: () => Promise<T>): Promise<T>;
}

export function createCaseLock(): CaseLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(caseId: string, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(caseId) ?? Promise.resolve();
      const next = previous.then(work, work);
      const tail = next.catch(() => undefined);
      tails.set(caseId, tail);
      void tail.then(() => {
        if (tails.get(caseId) === tail) tails.delete(caseId);
      });
      return next;
    },
  };
}
