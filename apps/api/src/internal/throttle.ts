/**
 * Counts failed authentications per client address over a sliding window and says how long an address must wait
 * once it reached the limit. Memory is bounded: at most `maxAddresses` addresses (the least recently failing are
 * forgotten first) with at most `limit` timestamps each.
 */
export class FailureThrottle {
  readonly #failures = new Map<string, Array<number>>()
  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
    readonly maxAddresses = 10_000,
    readonly now: () => number = () => performance.now()
  ) {}

  /** The failures of an address still inside the window, oldest first. */
  #recent(address: string, at: number): Array<number> | undefined {
    const times = this.#failures.get(address)
    if (times === undefined) return undefined
    while (times.length > 0 && times[0]! <= at - this.windowMs) times.shift()
    if (times.length === 0) {
      this.#failures.delete(address)
      return undefined
    }
    return times
  }

  /** Seconds until the address may try again, or `undefined` when it is below the limit. */
  retryAfter(address: string): number | undefined {
    const at = this.now()
    const times = this.#recent(address, at)
    if (times === undefined || times.length < this.limit) return undefined
    return Math.max(1, Math.ceil((times[0]! + this.windowMs - at) / 1000))
  }

  /** Records a failure of the address. */
  fail(address: string): void {
    const at = this.now()
    const times = this.#recent(address, at) ?? []
    times.push(at)
    if (times.length > this.limit) times.shift()
    // Re-insert so that the map's order is least recently failing first.
    this.#failures.delete(address)
    this.#failures.set(address, times)
    if (this.#failures.size > this.maxAddresses) this.#failures.delete(this.#failures.keys().next().value!)
  }
}
