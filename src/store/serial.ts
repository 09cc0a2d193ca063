/**
 * In-process serialisation by name: each call's work starts when the previous call's under the
 * same name has settled. The stores build `serially` on it (PostgreSQL adds a lock across
 * processes, taken by one waiter per process so waiters never exhaust the pool).
 */
export function serialQueue(): <T>(name: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    tails.set(name, tail);
    // The map keeps only names with work pending.
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return result;
  };
}
