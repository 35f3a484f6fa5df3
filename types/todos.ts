import { z } from 'zod'
import { index } from './collections'
import type { Role } from './account'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId } from './fields'
import type { TodoKind } from './modules'
import type { AuditRow } from './permissions'

/**
 * 待办事项 (manual §4): the hub of every workflow. To-dos arise from events (a pending handler to
 * authorize, a safety check to fill, a submission to confirm, a parking disclosure to publish);
 * modules open and close them through this module's server API (cloudfunctions/todos/api.ts),
 * never by writing `todos`. Each kind is declared by the module whose work opens it, in its
 * registry entry (types/modules.ts).
 */
export { TODO_KINDS, type TodoKind } from './modules'

export type TodoStatus = 'pending' | 'done'

/** A to-do, in collection `todos`. */
export interface Todo {
  _id: string
  projectId: string
  kind: TodoKind
  title: string
  /** What the work is about (an account, a safety submission …) and where it is done. */
  targetType: string
  targetId: string
  /** The page that does the work, with the item's id in its query (办理 opens it). */
  link: string
  /** Who may act: managers only, or anyone of the project holding the kind's module. */
  assigneeRole: Role
  status: TodoStatus
  dueAt: number
  createdAt: number
  doneAt?: number
  doneBy?: string | null
  doneByName?: string | null
  /** What came of it: 已授权, 已确认, 已退回：… */
  result?: string
}

export const TODO_PAGE_SIZE = 20

const page = z.number().int().min(0).max(500).default(0)

/** todos actions' params. */
export const TodosInput = {
  list: z
    .object({
      projectId: docId.optional(),
      status: z.enum(['pending', 'done'], { message: '状态无效' }),
      page,
    })
    .strict(),
  counts: z.object({ projectId: docId.optional() }).strict(),
  detail: z.object({ projectId: docId.optional(), todoId: docId }).strict(),
}

export interface TodoPage {
  rows: Todo[]
  /** Whether another page follows. */
  more: boolean
}

export interface TodoCounts {
  pending: number
  done: number
}

export interface TodoDetail {
  todo: Todo
  /** 审核信息: who did what to the item, when, with which comment (newest first). */
  trail: AuditRow[]
}

const read = actionsFor(member('todos'))

export const TodosContract = defineContract('todos', {
  list: read(TodosInput.list, returns<TodoPage>()),
  /** The tabs' counts and the home grid's badge. */
  counts: read(TodosInput.counts, returns<TodoCounts>()),
  detail: read(TodosInput.detail, returns<TodoDetail>()),
})

/** Collections of the module and the indexes its queries use. */
export const TODOS_COLLECTIONS = {
  todos: [
    index({ projectId: 1, status: 1, dueAt: 1 }),
    index({ projectId: 1, status: 1, doneAt: -1 }),
    index({ targetId: 1, kind: 1 }),
  ],
} as const
