/** The backend's only source of time, so tests and trainers can freeze or move it. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that stands still until told otherwise. */
export class ManualClock implements Clock {
  constructor(private time: number) {}

  now(): number {
    return this.time
  }

  set(time: number): void {
    this.time = time
  }

  advance(ms: number): void {
    this.time += ms
  }
}

export const toIso = (ms: number): string => new Date(ms).toISOString()
