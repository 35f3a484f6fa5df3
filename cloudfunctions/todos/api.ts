/**
 * What the to-do module (待办事项) tells other modules, server side: the one writer of `todos`.
 * A module opens a to-do when its workflow needs someone to act and closes it when they have,
 * inside the transaction of the move that caused it, so a to-do never outlives or precedes its
 * event. The kinds, and for whom each is, come from the modules' registry entries
 * (types/modules.ts `todos`). Another module's function imports this file (esbuild bundles it in);
 * the todos function reads what it wrote.
 */
import { randomBytes } from 'node:crypto'
import type { Account } from '../../types/account'
import { TODO_KINDS, type Todo, type TodoKind } from '../../types/todos'
import {
  cloud,
  inTransaction,
  list,
  move,
  txGet,
  type AuditEntry,
  type Ctx,
  type Machine,
  type Tx,
  type Versioned,
} from '../../server/kernel'

export type NewTodo = Pick<
  Todo,
  'projectId' | 'kind' | 'title' | 'targetType' | 'targetId' | 'link' | 'dueAt'
> & {
  /** Defaults to the kind's assignee in its registry entry. */
  assigneeRole?: Todo['assigneeRole']
  /** A fixed id makes opening it again (a retried publication) a no-op instead of a twin. */
  _id?: string
}

/** Opens a to-do inside `tx`; returns its id. */
export async function openTodo(tx: Tx, todo: NewTodo, at: number): Promise<string> {
  const doc = todoDoc(todo, at)
  await tx.collection('todos').add({ data: { ...doc } })
  return doc._id
}

/**
 * Opens to-dos for many projects at once (a check published to a district), outside a
 * transaction: each has a fixed id, so a retry after a crash opens only those still missing.
 */
export async function openTodosOnce(todos: (NewTodo & { _id: string })[], at: number) {
  const coll = cloud.database().collection('todos')
  let opened = 0
  for (const todo of todos) {
    const added = await Promise.resolve(coll.add({ data: { ...todoDoc(todo, at) } }))
      .then(() => 1)
      .catch(() => 0) // there already
    opened += added
  }
  return opened
}

function todoDoc(todo: NewTodo, at: number): Todo {
  return {
    assigneeRole: TODO_KINDS[todo.kind].assignee,
    ...todo,
    _id: todo._id ?? randomBytes(16).toString('hex'),
    status: 'pending',
    createdAt: at,
  }
}

/**
 * The pending to-dos of `kind` about `targetId`. A transaction reads by `_id` only, so they are
 * found before it and re-read inside by `closeTodos` (a parallel close then conflicts).
 */
async function pendingTodoIds(kind: TodoKind, targetId: string): Promise<string[]> {
  const rows = await list<{ _id: string }>(
    cloud
      .database()
      .collection('todos')
      .where({ kind, targetId, status: 'pending' })
      .field({ _id: true }),
  )
  return rows.map((r) => r._id)
}

/** Closes the given to-dos inside `tx` with what came of them (已授权, 已确认, 已退回：…). */
async function closeTodos(
  tx: Tx,
  ids: string[],
  result: string,
  by: Account | null,
  at: number,
): Promise<void> {
  for (const id of ids) {
    const todo = await txGet<Todo>(tx, 'todos', id)
    if (todo?.status !== 'pending') continue
    await tx
      .collection('todos')
      .doc(id)
      .update({
        data: {
          status: 'done',
          result,
          doneAt: at,
          doneBy: by?._id ?? null,
          doneByName: by?.name ?? null,
        },
      })
  }
}

/** The kinds of to-do an account may see and act on (managers: all of their projects'). */
export function visibleKinds(account: Account): TodoKind[] {
  const kinds = Object.keys(TODO_KINDS) as TodoKind[]
  if (account.role === 'manager') return kinds
  return kinds.filter(
    (k) => TODO_KINDS[k].assignee === 'handler' && account.modules.includes(TODO_KINDS[k].module),
  )
}

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
  const closing = rule.closes ? await pendingTodoIds(rule.closes, s.id) : []
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
      const todo = { ...s.todo, kind: rule.opens, targetType: s.audit.targetType, targetId: s.id }
      await openTodo(tx, todo, ctx.now)
    }
    await s.also?.(tx)
    await ctx.audit({ ...s.audit, action: s.audit.action ?? ctx.action, targetId: s.id }, tx)
    return moved
  })
}
