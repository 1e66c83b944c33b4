import { describe, expect, it } from 'vitest'
import { hourOf, ManualClock } from './clock'

describe('ManualClock', () => {
  it('fires timers in time order, each at its due time, when time moves past them', () => {
    const clock = new ManualClock(1000)
    const fired: string[] = []
    clock.schedule(() => fired.push(`b@${clock.now()}`), 200)
    clock.schedule(() => fired.push(`a@${clock.now()}`), 100)
    clock.schedule(() => fired.push(`c@${clock.now()}`), 200)
    clock.advance(150)
    expect(fired).toEqual(['a@1100'])
    clock.advance(100)
    expect(fired).toEqual(['a@1100', 'b@1200', 'c@1200'])
    expect(clock.now()).toBe(1250)
  })

  it('runs timers scheduled by timers within the same move, and cancels', () => {
    const clock = new ManualClock(0)
    const fired: number[] = []
    clock.schedule(() => clock.schedule(() => fired.push(clock.now()), 10), 10)
    const cancel = clock.schedule(() => fired.push(-1), 15)
    cancel()
    clock.advance(30)
    expect(fired).toEqual([20])
    expect(clock.pendingTimers).toBe(0)
  })

  it('fires nothing when set back in time', () => {
    const clock = new ManualClock(100)
    let fired = false
    clock.schedule(() => (fired = true), 10)
    clock.set(50)
    expect(fired).toBe(false)
  })
})

it('floors a time to its hour', () => {
  expect(hourOf(Date.UTC(2026, 0, 1, 9, 59, 59, 999))).toBe(Date.UTC(2026, 0, 1, 9))
})
