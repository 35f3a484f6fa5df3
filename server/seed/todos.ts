import type { Todo } from '../../types/todos'

/** To-dos that the seeded events would have opened (the safety module seeds its own). */
const DAY = 86_400_000

export function identityTodos(now: number): Todo[] {
  return [
    {
      _id: 't-auth-wang',
      projectId: 'p-yangguang',
      kind: 'authorizeHandler',
      title: '经办人王芳申请绑定，待授权',
      targetType: 'account',
      targetId: 'a-wang',
      link: '/pages/permissions/index',
      assigneeRole: 'manager',
      status: 'pending',
      dueAt: now + 2 * DAY,
      createdAt: now - DAY,
    },
  ]
}

export function todosSeed(now: number) {
  return { docs: { todos: identityTodos(now) } }
}
