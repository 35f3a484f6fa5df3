import { CloudError } from './errors'

/**
 * Fault injection for tests (`POST /__dev/faults`): a cloud function can stop between any two of
 * its writes (a crash, WeChat's 3 s time limit), and every multi-write action must leave the data
 * valid or repairable at each such point. After `afterWrites` more database writes go through:
 * - `stop`: every database request fails from then on, as if the function died there;
 * - `fail`: only the next write fails, and the function's own error handling runs.
 * Writes are the statements that change data outside a transaction and transaction commits
 * (a write inside a transaction changes nothing until its commit).
 */
export interface FaultPlan {
  mode: 'stop' | 'fail'
  afterWrites: number
}

const WRITES = new Set(['insertDocument', 'modifyDocument', 'removeDocument', 'commitTransaction'])

export class Faults {
  private plan: FaultPlan | null = null
  private stopped = false
  /** Database writes seen since the last `set` (what a test counts to find the stopping points). */
  writes = 0

  set(plan: FaultPlan | null): void {
    this.plan = plan
    this.stopped = false
    this.writes = 0
  }

  /** Throws when the plan says this database request must not happen. */
  check(action: string, inTransaction: boolean): void {
    if (this.stopped) throw injected()
    const write = WRITES.has(action) && (action === 'commitTransaction' || !inTransaction)
    if (!write) return
    if (this.plan && this.writes >= this.plan.afterWrites) {
      if (this.plan.mode === 'stop') this.stopped = true
      else this.plan = null
      throw injected()
    }
    this.writes++
  }
}

function injected(): CloudError {
  return new CloudError('SYS_ERR', 'local cloud: fault injected by a test (/__dev/faults)')
}

/** Parses the body of `POST /__dev/faults`: `{}` clears, else `{mode, afterWrites}`. */
export function parseFaultPlan(body: unknown): FaultPlan | null | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined
  const { mode, afterWrites } = body as Record<string, unknown>
  if (mode === undefined && afterWrites === undefined) return null
  if (mode !== 'stop' && mode !== 'fail') return undefined
  if (typeof afterWrites !== 'number' || !Number.isInteger(afterWrites) || afterWrites < 0) {
    return undefined
  }
  return { mode, afterWrites }
}
