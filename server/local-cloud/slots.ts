/**
 * At most `size` tasks run at once; the others wait and start in arrival order (FIFO) as running
 * ones finish. A finishing task hands its slot straight to the next in line, so a newcomer can
 * never overtake the queue.
 */
export class Slots {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Slots: size must be ≥ 1, got ${size}`)
  }

  /** Runs `task` once a slot is free; its clock, if it has one, should start inside `task`. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  /** How many tasks wait for a slot. */
  get queued(): number {
    return this.waiting.length
  }

  private acquire(): Promise<void> {
    if (this.running < this.size) {
      this.running++
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  private release(): void {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }
}
