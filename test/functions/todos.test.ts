/**
 * 待办事项 through the real todos function: a to-do is seen only by those who may act on it, lists
 * are paged and sorted (pending by due date, done newest first), counts follow, and 查看 shows the
 * item's trail. To-dos are made by the workflows themselves (binding, safety), never by hand.
 */
import { SafetyContract } from '../../types/safety'
import { PermissionsContract } from '../../types/permissions'
import { TodosContract } from '../../types/todos'
import { expectError, expectOk, caller } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { publishedCheck } from './samples/safety'
import { fileCloud } from './setup'

const cloud = fileCloud()
let env: Env
const todos = caller(cloud, TodosContract)
interface Row {
  _id: string
  kind: string
  projectId: string
  dueAt: number
  doneAt?: number
}
async function all(openid: string, status: 'pending' | 'done'): Promise<Row[]> {
  const out: Row[] = []
  for (let page = 0; ; page++) {
    const { rows, more } = expectOk(await todos('list', { status, page }, openid))
    out.push(...rows)
    if (!more) return out
  }
}

beforeAll(async () => {
  env = makeEnv(cloud, 'td')
}, 60_000)

describe('who sees what', () => {
  it('shows a handler only the kinds of its modules, a manager all of its project', async () => {
    const onlyTodos = await env.activeHandler(['todos'])
    const withSafety = await env.activeHandler(['todos', 'safety'])
    expect(await all(onlyTodos.openid, 'pending')).toEqual([])
    const kinds = (await all(withSafety.openid, 'pending')).map((t) => t.kind)
    expect(new Set(kinds)).toEqual(new Set(['fillSafetyCheck']))
    const managerKinds = new Set((await all('demo-manager', 'pending')).map((t) => t.kind))
    expect(managerKinds).toEqual(new Set(['fillSafetyCheck', 'authorizeHandler']))
    const other = await all('demo-manager2', 'pending')
    expect(other.every((t) => t.projectId === 'p-haibin')).toBe(true)
    expect(other.map((t) => t.kind)).toContain('confirmSafetyCheck')
  })

  it('does not open another project’s or another role’s to-do, nor name it', async () => {
    const theirs = (await all('demo-manager2', 'pending'))[0]
    expectError(await todos('detail', { todoId: theirs._id }, 'demo-manager'), 'NOT_FOUND')
    const withSafety = await env.activeHandler(['todos', 'safety'])
    expectError(await todos('detail', { todoId: 't-auth-wang' }, withSafety.openid), 'NOT_FOUND')
    expectError(
      await todos('list', { status: 'pending', projectId: 'p-haibin' }, 'demo-manager'),
      'FORBIDDEN',
    )
  })
})

describe('lists', () => {
  it('pages by 20, pending by due date, with counts that match', async () => {
    // Thirty handlers asking to bind: thirty authorization to-dos for the manager.
    for (let i = 0; i < 30; i++) await env.pendingHandler()
    const pending = await all('demo-manager', 'pending')
    expect(pending.length).toBeGreaterThanOrEqual(33)
    const due = pending.map((t) => t.dueAt)
    expect(due).toEqual([...due].sort((a, b) => a - b))
    const first = expectOk(await todos('list', { status: 'pending' }, 'demo-manager'))
    expect(first.rows).toHaveLength(20)
    expect(first.more).toBe(true)
    const counts = expectOk(await todos('counts', {}, 'demo-manager'))
    expect(counts.pending).toBe(pending.length)
  })

  it('moves a to-do to 已办 when its work is done, newest first, with the trail on 查看', async () => {
    const [a, b] = [await env.pendingHandler(), await env.pendingHandler()]
    for (const h of [a, b]) {
      expectOk(
        await env.caller(PermissionsContract)(
          'authorize',
          { accountId: h.id, version: 1, modules: ['todos'] },
          'demo-manager',
        ),
      )
    }
    const done = await all('demo-manager', 'done')
    const stamps = done.map((t) => t.doneAt ?? 0)
    expect(stamps).toEqual([...stamps].sort((x, y) => y - x))
    const mine = done.find((t) => (t as Row & { targetId: string }).targetId === b.id)!
    const detail = expectOk(await todos('detail', { todoId: mine._id }, 'demo-manager'))
    expect(detail.todo).toMatchObject({ status: 'done', result: '已授权', doneByName: '张建国' })
    expect(detail.trail.map((r) => r.label)).toEqual(['授权', '申请绑定'])
    expect(JSON.stringify(detail.trail)).not.toContain('actorOpenid')
  })

  it('lists the 填写 to-do of a newly published check for the handler who holds safety', async () => {
    const withSafety = await env.activeHandler(['todos', 'safety'])
    const before = expectOk(await todos('counts', {}, withSafety.openid)).pending
    const check = publishedCheck('sc-todo-1')
    expectOk(await env.caller(SafetyContract)('publishCheck', { check }, 'demo-operator'))
    const after = expectOk(await todos('counts', {}, withSafety.openid)).pending
    expect(after).toBe(before + 1)
  })
})
