import { randomBytes } from 'node:crypto'
import * as cloud from 'wx-server-sdk'
import type { Account } from '../../types/account'
import { TODO_KINDS, type Todo, type TodoKind } from '../../types/todos'
import { list } from './db'
import { txGet, type Tx } from './tx'

/**
 * The to-do service: the only writer of `todos`. A module opens a to-do when its workflow needs
 * someone to act and closes it when they have, inside the transaction of the move that caused
 * it, so a to-do never outlives or precedes its event.
 */
export type NewTodo = Pick<
  Todo,
  'projectId' | 'kind' | 'title' | 'targetType' | 'targetId' | 'link' | 'dueAt'
> & {
  /** Defaults to the kind's usual assignee: managers for authorizations and confirmations. */
  assigneeRole?: Todo['assigneeRole']
  /** A fixed id makes opening it again (a retried publication) a no-op instead of a twin. */
  _id?: string
}

const MANAGER_KINDS: readonly TodoKind[] = [
  'authorizeHandler',
  'confirmSafetyCheck',
  'publishParking',
]

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
    assigneeRole: MANAGER_KINDS.includes(todo.kind) ? 'manager' : 'handler',
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
export async function pendingTodoIds(kind: TodoKind, targetId: string): Promise<string[]> {
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
export async function closeTodos(
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
    (k) => !MANAGER_KINDS.includes(k) && account.modules.includes(TODO_KINDS[k].module),
  )
}
