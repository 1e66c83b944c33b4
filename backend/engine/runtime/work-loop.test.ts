import { describe, expect, it } from 'vitest'
import { WorkLoop, type LoopTask } from './work-loop'

/** A task of `units` pieces of work, each taking `cost` ms of the fake time. */
function task(units: number, time: { now: number }, cost = 1) {
  const done: number[] = []
  const t: LoopTask & { done: number[] } = {
    done,
    run(deadline) {
      while (done.length < units) {
        if (time.now >= deadline) return true
        time.now += cost
        done.push(time.now)
      }
      return false
    },
  }
  return t
}

describe('WorkLoop', () => {
  it('runs tasks in slices, one slice per macrotask, sharing each slice', async () => {
    const time = { now: 0 }
    const slices: (() => void)[] = []
    const loop = new WorkLoop(
      8,
      (callback) => slices.push(callback),
      () => time.now,
    )
    const a = task(20, time)
    const b = task(4, time)
    loop.add(a)
    loop.add(b)
    expect(slices).toHaveLength(1)
    slices.shift()!()
    expect(a.done.length + b.done.length).toBe(8)
    expect(b.done.length).toBeGreaterThan(0)
    while (slices.length) slices.shift()!()
    expect([a.done.length, b.done.length]).toEqual([20, 4])
    await expect(loop.whenIdle()).resolves.toBeUndefined()
  })

  it('waits for asynchronous work before it is idle', async () => {
    const loop = new WorkLoop(8, (callback) => setTimeout(callback, 0))
    const end = loop.begin()
    let idle = false
    const waiting = loop.whenIdle().then(() => (idle = true))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(idle).toBe(false)
    end()
    await waiting
    expect(idle).toBe(true)
  })

  it('drops a task that throws and goes on', () => {
    const slices: (() => void)[] = []
    const loop = new WorkLoop(
      8,
      (callback) => slices.push(callback),
      () => 0,
    )
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    loop.add({
      run() {
        throw new Error('boom')
      },
    })
    slices.shift()!()
    console.error = original
    expect(errors).toHaveLength(1)
    expect(loop.isIdle).toBe(true)
  })
})
