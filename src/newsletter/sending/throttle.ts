// A token bucket: at most `perSecond` messages a second, in bursts of up to one second's worth,
// for relays that limit how fast a sender may go. Zero means no limit.

/** Hands out permission to send. */
export interface Throttle {
  /** Waits until at least one message may go; answers how many (1..want) may go now. */
  take(want: number, signal?: AbortSignal): Promise<number>
}

export function createThrottle(perSecond: number, clock: () => number = Date.now): Throttle {
  if (perSecond <= 0) return { take: async want => want }
  let tokens = perSecond
  let last = clock()
  const refill = () => {
    const now = clock()
    tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond)
    last = now
  }
  return {
    async take(want, signal) {
      refill()
      while (tokens < 1 && !signal?.aborted) {
        await new Promise(resolve => setTimeout(resolve, Math.ceil(((1 - tokens) / perSecond) * 1000)))
        refill()
      }
      const granted = Math.max(1, Math.min(want, Math.floor(tokens)))
      tokens -= granted
      return granted
    },
  }
}
