/** A counting semaphore per key (a host): at most `limit` holders each, the rest wait in order. */
export class HostSlots {
  private readonly hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  /** Resolves when a slot is free; call the returned function exactly once to free it. */
  async acquire(host: string): Promise<() => void> {
    let entry = this.hosts.get(host);
    if (entry === undefined) {
      entry = { active: 0, waiting: [] };
      this.hosts.set(host, entry);
    }
    if (entry.active >= this.limit) {
      const queue = entry.waiting;
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      entry.active += 1;
    }
    const held = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = held.waiting.shift();
      // Hand the slot straight to the next waiter, so `active` never dips and a newcomer cannot jump the queue.
      if (next !== undefined) next();
      else if (--held.active === 0) this.hosts.delete(host);
    };
  }

  /** Requests in flight to `host` (for tests and metrics). */
  active(host: string): number {
    return this.hosts.get(host)?.active ?? 0;
  }
}
