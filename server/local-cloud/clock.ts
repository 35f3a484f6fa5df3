import type { Store } from './store'

/**
 * The local cloud's clock: real time plus an offset tests set through POST /__dev/clock instead
 * of sleeping. It drives `$tcb_server_date` and the functions' LOCAL_CLOCK_OFFSET_MS, and is kept
 * in the store so a restart does not turn time back.
 */
const KEY = 'clockOffsetMs'
/** Tests move the clock by days or months; beyond years it only breaks dates (1e300 is no time). */
export const MAX_CLOCK_OFFSET_MS = 10 * 366 * 24 * 60 * 60 * 1000

export class Clock {
  private offset: number

  constructor(private readonly store: Store) {
    // An offset stored before the bound existed is dropped, not carried into every date.
    const stored = Number(store.getMeta(KEY) ?? 0) || 0
    this.offset = Math.abs(stored) <= MAX_CLOCK_OFFSET_MS ? stored : 0
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
