/** The only door to the current time: domain code takes `now` as an argument instead. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface ManualClock extends Clock {
  set(at: Date): void
}

export function manualClock(start: Date = new Date()): ManualClock {
  let current = start
  return {
    now: () => new Date(current.getTime()),
    set: (at) => {
      current = at
    },
  }
}
