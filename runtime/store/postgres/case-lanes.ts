// One lane per case in this process: the commits one host makes on a case run one after the other, in
// the order they were submitted. This is not what keeps a case's history in order (the revision check
// in the database does, across every host); it makes one host's outcome deterministic (of several
// events computed on the same revision the first submitted wins, as with the SQLite store) and keeps a
// burst of commits on one case from each holding a pooled connection while it waits for the row lock.

export interface Lanes {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createLanes(): Lanes {
  /** The tail of each busy lane; a lane is removed when its last piece of work settles. */
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const before = tails.get(key);
      const result = before === undefined ? work() : before.then(work);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
