import { nextMacrotask, type Macrotask } from '../../lib/macrotask'

/** Work the loop runs in slices: it does some until `deadline` and says whether more remains. */
export interface LoopTask {
  run(deadline: number): boolean
}

const performanceNow = () => performance.now()

/**
 * Runs the engine's long work (deliveries, backfills) in slices of a few milliseconds, one slice
 * per task of the event loop, so the page's main thread stays free for input and rendering
 * (DESIGN.md section 9). Tasks share each slice round robin.
 */
export class WorkLoop {
  private readonly tasks: LoopTask[] = []
  private scheduled = false
  private running = false
  private stopped = false
  private inFlight = 0
  private idleWaiters: (() => void)[] = []

  constructor(
    private readonly sliceMs = 8,
    private readonly macrotask: Macrotask = nextMacrotask,
    private readonly now: () => number = performanceNow,
  ) {}

  /** Adds a task (once) and makes sure a slice will run. */
  add(task: LoopTask): void {
    if (this.stopped) return
    if (!this.tasks.includes(task)) this.tasks.push(task)
    if (!this.scheduled && !this.running) this.schedule()
  }

  /** Counts asynchronous work outside the loop (network requests) until `done` is called. */
  begin(): () => void {
    this.inFlight++
    let ended = false
    return () => {
      if (ended) return
      ended = true
      this.inFlight--
      this.settle()
    }
  }

  /** Resolves once no task and no asynchronous work is left (timers still waiting don't count). */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  get isIdle(): boolean {
    return this.tasks.length === 0 && this.inFlight === 0 && !this.scheduled && !this.running
  }

  stop(): void {
    this.stopped = true
    this.tasks.length = 0
    this.settle()
  }

  private schedule(): void {
    this.scheduled = true
    this.macrotask(() => this.slice())
  }

  private slice(): void {
    this.scheduled = false
    if (this.stopped) return
    this.running = true
    const end = this.now() + this.sliceMs
    let now = this.now()
    while (this.tasks.length > 0 && now < end) {
      const share = (end - now) / this.tasks.length
      const running = this.tasks.slice()
      for (const task of running) {
        if (!this.runTask(task, Math.min(end, this.now() + share))) {
          this.tasks.splice(this.tasks.indexOf(task), 1)
        }
      }
      now = this.now()
    }
    this.running = false
    if (this.tasks.length > 0 && !this.stopped) this.schedule()
    this.settle()
  }

  /** Runs one task's share; a task that throws is reported and dropped, the loop goes on. */
  private runTask(task: LoopTask, deadline: number): boolean {
    try {
      return task.run(deadline)
    } catch (error) {
      console.error('An engine task failed', error)
      return false
    }
  }

  private settle(): void {
    if (!this.isIdle && !this.stopped) return
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }
}
