/** The backend's only source of time, so tests and trainers can freeze or move it. */
export interface Clock {
  now(): number
}

/** Cancels a scheduled callback; calling it again, or after the callback ran, does nothing. */
export type Cancel = () => void

/** Runs callbacks later, on the same time line as the clock (retries, live stream ticks). */
export interface Timers {
  schedule(callback: () => void, delayMs: number): Cancel
}

/** A clock with timers on its time line: the engine's view of time. */
export interface Scheduler extends Clock, Timers {}

export const systemClock: Scheduler = {
  now: () => Date.now(),
  schedule(callback, delayMs) {
    const handle = setTimeout(callback, delayMs)
    return () => clearTimeout(handle)
  },
}

interface ManualTimer {
  at: number
  order: number
  callback: () => void
}

/**
 * A clock that stands still until told otherwise. Its timers fire only when `advance` or `set`
 * moves time past them, in time order, each with the clock set to its due time.
 */
export class ManualClock implements Scheduler {
  private timers: ManualTimer[] = []
  private order = 0

  constructor(private time: number) {}

  now(): number {
    return this.time
  }

  schedule(callback: () => void, delayMs: number): Cancel {
    const timer = { at: this.time + Math.max(0, delayMs), order: this.order++, callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  /** Moves to `time`, firing the timers due on the way; moving back fires nothing. */
  set(time: number): void {
    for (let timer = this.nextDue(time); timer; timer = this.nextDue(time)) {
      this.timers = this.timers.filter((t) => t !== timer)
      this.time = Math.max(this.time, timer.at)
      timer.callback()
    }
    this.time = time
  }

  advance(ms: number): void {
    this.set(this.time + ms)
  }

  /** How many timers wait to fire. */
  get pendingTimers(): number {
    return this.timers.length
  }

  private nextDue(limit: number): ManualTimer | undefined {
    let next: ManualTimer | undefined
    for (const timer of this.timers) {
      if (timer.at > limit) continue
      if (!next || timer.at < next.at || (timer.at === next.at && timer.order < next.order)) {
        next = timer
      }
    }
    return next
  }
}

/** ISO 8601 of a UNIX time. */
export const toIso = (ms: number): string => new Date(ms).toISOString()

export const HOUR_MS = 3_600_000

/** The start of the hour `ms` falls in (UTC; every time zone's hours start on UTC hours but a few). */
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS
