import type { Store } from './store'

/**
 * The local cloud's clock: real time plus an offset tests set through POST /__dev/clock instead
 * of sleeping. It drives `$tcb_server_date` and the functions' LOCAL_CLOCK_OFFSET_MS, and is kept
 * in the store so a restart does not turn time back.
 */
const KEY = 'clockOffsetMs'

export class Clock {
  private offset: number

  constructor(private readonly store: Store) {
    this.offset = Number(store.getMeta(KEY) ?? 0) || 0
  }

  get offsetMs(): number {
    return this.offset
  }

  set(offsetMs: number): void {
    this.offset = offsetMs
    this.store.setMeta(KEY, String(offsetMs))
  }

  now = (): number => Date.now() + this.offset
}
