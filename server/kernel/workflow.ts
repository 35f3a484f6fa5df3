import type { Account } from '../../types/account'
import type { Machine } from '../../types/machine'
import type { TodoKind } from '../../types/todos'
import type { AuditEntry, Ctx } from './index'
import { move, type Versioned } from './machine'
import { closeTodos, openTodo, pendingTodoIds, type NewTodo } from './todos'
import { inTransaction, type Tx } from './tx'

/**
 * One step of a workflow, in one transaction: the record moves along its machine (CONFLICT when
 * changed underneath, INVALID_STATE with the allowed moves), the to-dos the machine's rule closes
 * are done with `result`, the one it opens is created, and the audit row is written — all of it
 * or none. `also` adds the step's own writes to the same transaction (an account's keys …).
 */
export interface Step<S extends string, D extends Versioned<S>> {
  collection: string
  machine: Machine<S>
  event: string
  id: string
  version: number
  patch: Partial<D>
  /** The audit row (its target is the record). */
  audit: Omit<AuditEntry, 'targetId'>
  /** What the closed to-dos say came of them (已确认, 已退回：…). */
  result?: string
  /** The to-do the rule opens: who it is for and where the work is done. */
  todo?: Omit<NewTodo, 'kind' | 'targetId' | 'targetType'>
  also?: (tx: Tx) => Promise<void>
}

export async function step<S extends string, D extends Versioned<S>>(
  ctx: Ctx<Account | null>,
  s: Step<S, D>,
): Promise<D> {
  const rule = s.machine[s.event]
  // A transaction reads by `_id`: the to-dos to close are found first, re-read inside.
  const closing = rule.closes ? await pendingTodoIds(rule.closes as TodoKind, s.id) : []
  return inTransaction(async (tx) => {
    const moved = await move<S, D>(
      tx,
      s.collection,
      s.machine,
      s.event,
      s.id,
      s.version,
      s.patch,
      ctx.now,
    )
    await closeTodos(tx, closing, s.result ?? '已办理', ctx.caller, ctx.now)
    if (rule.opens) {
      if (!s.todo) throw new Error(`${s.collection}.${s.event} opens a to-do: give its details`)
      const todo = {
        ...s.todo,
        kind: rule.opens as TodoKind,
        targetType: s.audit.targetType,
        targetId: s.id,
      }
      await openTodo(tx, todo, ctx.now)
    }
    await s.also?.(tx)
    await ctx.audit({ ...s.audit, action: s.audit.action ?? ctx.action, targetId: s.id }, tx)
    return moved
  })
}
