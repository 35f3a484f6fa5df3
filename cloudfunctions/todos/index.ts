/**
 * 待办事项 (manual §4): the caller's to-dos. A to-do is seen only by those who may act on it —
 * the managers of its project, or its handlers holding the kind's module — and only in projects
 * the caller belongs to. Pending ones come by due date, done ones newest first.
 */
import type { Account } from '../../types/account'
import type { AuditRow } from '../../types/permissions'
import { TODO_PAGE_SIZE, TodosContract, type Todo } from '../../types/todos'
import { AppError } from '../../types/errors'
import { _, db, defineFunction, first, list, type Ctx } from '../../server/kernel'
import { visibleKinds } from './api'

/** The filter of what `caller` may see in its project, optionally with a status. */
function visible(ctx: Ctx<Account>, status?: Todo['status']) {
  const kinds = visibleKinds(ctx.caller)
  return {
    projectId: ctx.projectId,
    ...(status ? { status } : {}),
    ...(ctx.caller.role === 'manager' ? {} : { assigneeRole: 'handler', kind: _.in(kinds) }),
  }
}

async function count(where: object): Promise<number> {
  const res = (await db.collection('todos').where(where).count()) as { total: number }
  return res.total
}

export const main = defineFunction(TodosContract, {
  async list(ctx, { status, page }) {
    const sorted = db.collection('todos').where(visible(ctx, status))
    const ordered =
      status === 'pending'
        ? sorted.orderBy('dueAt', 'asc').orderBy('createdAt', 'asc')
        : sorted.orderBy('doneAt', 'desc')
    // One row more than the page tells whether another page follows.
    const rows = await list<Todo>(ordered.skip(page * TODO_PAGE_SIZE).limit(TODO_PAGE_SIZE + 1))
    return { rows: rows.slice(0, TODO_PAGE_SIZE), more: rows.length > TODO_PAGE_SIZE }
  },

  async counts(ctx) {
    const [pending, done] = await Promise.all([
      count(visible(ctx, 'pending')),
      count(visible(ctx, 'done')),
    ])
    return { pending, done }
  },

  async detail(ctx, { todoId }) {
    const todo = await first<Todo>(db.collection('todos').where({ ...visible(ctx), _id: todoId }))
    if (!todo) throw new AppError('NOT_FOUND', '待办不存在')
    const trail = await list<AuditRow>(
      db
        .collection('audit_log')
        .where({ projectId: ctx.projectId, targetId: todo.targetId })
        .orderBy('at', 'desc')
        .limit(50)
        .field({ actorOpenid: false, fn: false }),
    )
    return { todo, trail }
  },
})
