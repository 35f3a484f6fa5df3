/**
 * 待办事项 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. The manager of 阳光花园 gets 25 more to-dos (25 people apply as handlers through the
 * binding function), so the list pages; 办理 opens the page of the work, 查看 the details and the
 * 审核信息 trail; a handler without 安全检查 sees none of its to-dos; overdue ones are marked.
 */
import type { TodoCounts, TodoPage } from '../../types/todos'
import { bindAsHandler, expectOk } from '../functions/helpers'
import { until } from '../support/until'
import { useApp } from '../support/app'

const DAY = 86_400_000
const SURNAMES = '赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施孔曹严'
/** The applicant the manager authorizes with 待办事项 only. */
const TODOS_ONLY = 'e2e-todos-0'
const TODOS_ONLY_NAME = `${SURNAMES[0]}晓明`

const app = useApp({
  setup: async () => {
    // 25 people apply as handlers of 阳光花园: 25 more 经办人授权 to-dos for its manager.
    for (let i = 0; i < 25; i++) {
      const phone = `1370000${String(i).padStart(4, '0')}`
      expectOk(await bindAsHandler(app.cloud, `e2e-todos-${i}`, `${SURNAMES[i]}晓明`, phone))
    }
    // The manager authorizes the first with 待办事项 only: its to-do is done, with a trail.
    const [account] = await app.cloud.collection<{ _id: string; version: number }>('accounts', {
      openid: TODOS_ONLY,
    })
    expectOk(
      await app.cloud.call(
        'permissions',
        {
          action: 'authorize',
          accountId: account._id,
          version: account.version,
          modules: ['todos'],
        },
        'demo-manager',
      ),
    )
  },
})
const { openAs, shown, visible, answered } = app

const rows = () => app.page.locator('[data-testid="todo-row"]:visible')

const todos = async <T>(event: object, openid: string) =>
  expectOk(await app.cloud.call('todos', event, openid)) as T

test('待办 / 已办 with their counts; the list comes 20 at a time', async () => {
  const counts = await todos<TodoCounts>({ action: 'counts' }, 'demo-manager')
  expect(counts.pending).toBeGreaterThan(20)
  expect(counts.done).toBeGreaterThan(0)

  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todos-list'))
  await expect(visible('tab-pending').getAttribute('data-active')).resolves.toBe('true')
  await until(() => visible('tab-pending-count').count(), 'the counts')
  await expect(visible('tab-pending-count').innerText()).resolves.toBe(String(counts.pending))
  await expect(visible('tab-done-count').innerText()).resolves.toBe(String(counts.done))

  expect(await rows().count()).toBe(20)
  for (const status of await rows().evaluateAll((els) => els.map((e) => e.dataset.status)))
    expect(status).toBe('pending')
  await expect(visible('todos-list-more').innerText()).resolves.toBe('加载更多')
  await visible('todos-list-more').click()
  await until(async () => (await rows().count()) === counts.pending, 'the second page')
  await expect(visible('todos-list-more').innerText()).resolves.toBe('没有更多了')
  // Pending ones come by due date, each with its kind and due date.
  const first = await todos<TodoPage>({ action: 'list', status: 'pending' }, 'demo-manager')
  await expect(rows().first().locator('[data-testid="todo-title"]').innerText()).resolves.toBe(
    first.rows[0].title,
  )
  await expect(rows().first().locator('[data-testid="todo-due"]').innerText()).resolves.toMatch(
    /^截止日期：\d{4}-\d{2}-\d{2}$/,
  )
  const kinds = await app.page.locator('[data-testid="todo-kind"]:visible').allInnerTexts()
  expect(new Set(kinds)).toEqual(new Set(['经办人授权', '安全检查填写']))

  await visible('tab-done').click()
  await until(
    async () => (await rows().count()) > 0 && (await rows().first().getAttribute('data-status')),
    'the 已办 list',
  )
  expect(await rows().count()).toBe(Math.min(counts.done, 20))
  for (const status of await rows().evaluateAll((els) => els.map((e) => e.dataset.status)))
    expect(status).toBe('done')
  const authorized = rows().filter({ hasText: TODOS_ONLY_NAME })
  await expect(authorized.locator('[data-testid="todo-result"]').innerText()).resolves.toBe(
    '结果：已授权',
  )
  await expect(authorized.locator('[data-testid="todo-done"]').innerText()).resolves.toContain(
    '张建国',
  )
  // Nothing to do on a done one: 查看 only.
  expect(await authorized.locator('[data-testid="todo-handle"]').count()).toBe(0)
}, 60_000)

test('办理 opens the page that does the work', async () => {
  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todos-list'))
  const auth = rows().filter({ hasText: '经办人王芳申请绑定' })
  await auth.locator('[data-testid="todo-handle"] .at-button').click()
  await app.page.waitForURL(/#\/pages\/permissions\/index$/)
  await until(async () => (await app.page.title()) === '权限管理', 'the 权限管理 page')
  // shown(): the page has fully slid in (going back before would leave the list hidden).
  await shown(app.page.locator('.permissions'))

  // Back on the list, which loads again. The applications come first (due sooner): the check's
  // to-do is on the second page.
  await answered('todos', 'list', () => app.page.goBack())
  await shown(visible('todos-list'))
  await visible('todos-list-more').click()
  const fill = rows().filter({ hasText: '填写：2026年下半年物业小区在线常规检查' })
  await fill.locator('[data-testid="todo-handle"] .at-button').click()
  await app.page.waitForURL(/#\/pages\/safety\/index\?checkId=sc-2026h2&projectId=p-yangguang$/)
  await shown(visible('fill-form'))
  await expect(visible('check-title').innerText()).resolves.toBe('2026年下半年物业小区在线常规检查')
  await app.page.goBack()
  await shown(visible('todos-list'))
}, 40_000)

test('查看 shows the details and the 审核信息 trail', async () => {
  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todos-list'))
  await visible('tab-done').click()
  const row = rows().filter({ hasText: TODOS_ONLY_NAME })
  await row.locator('[data-testid="todo-view"] .at-button').click()
  const detail = visible('todo-detail')
  await detail.locator('[data-testid="trail-row"]').first().waitFor()
  await expect(visible('todo-detail-status', detail).innerText()).resolves.toContain('已办')
  await expect(visible('todo-detail-result', detail).innerText()).resolves.toContain('已授权')
  // Newest first: the manager's 授权, then the applicant's own 申请绑定.
  const labels = await detail.locator('[data-testid="trail-label"]').allInnerTexts()
  expect(labels).toEqual(['授权', '申请绑定'])
  const trail = await detail.locator('[data-testid="trail-row"]').allInnerTexts()
  expect(trail[0]).toContain('张建国（项目负责人）')
  expect(trail[0]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  expect(trail[1]).toContain(`${TODOS_ONLY_NAME}（项目经办人）`)
  expect(await visible('todo-detail-handle').count()).toBe(0)
  await app.page.locator('.todos__detail .layout-header__btn-close:visible').click()
  await detail.waitFor({ state: 'detached' })

  // A pending one: its details and 办理.
  await visible('tab-pending').click()
  const pending = rows().filter({ hasText: '经办人王芳申请绑定' })
  await pending.locator('[data-testid="todo-view"] .at-button').click()
  await expect(visible('todo-detail-status').innerText()).resolves.toContain('待办')
  // The seeded request left no audit row: the trail says so.
  await expect(visible('trail', visible('todo-detail')).innerText()).resolves.toBe('暂无审核信息')
  await visible('todo-detail-handle').locator('.at-button').click()
  await app.page.waitForURL(/#\/pages\/permissions\/index$/)
}, 40_000)

test('a handler without 安全检查 sees none of its to-dos', async () => {
  // demo-handler holds 安全检查: its 填写 to-dos are there.
  const withSafety = await todos<TodoPage>({ action: 'list', status: 'pending' }, 'demo-handler')
  expect(withSafety.rows.some((t) => t.kind === 'fillSafetyCheck')).toBe(true)
  await openAs('demo-handler', '/pages/todos/index')
  await shown(visible('todos-list'))
  expect(await rows().count()).toBe(withSafety.rows.length)
  await expect(rows().first().getAttribute('data-kind')).resolves.toBe('fillSafetyCheck')

  // The handler authorized with 待办事项 only: nothing of 安全检查, nothing of the manager's.
  const without = await todos<TodoPage>({ action: 'list', status: 'pending' }, TODOS_ONLY)
  expect(without.rows).toEqual([])
  await openAs(TODOS_ONLY, '/pages/todos/index')
  await shown(visible('todos-list-empty'))
  await expect(visible('todos-list-empty').innerText()).resolves.toContain('暂无待办事项')
  expect(await visible('tab-pending-count').count()).toBe(0)
}, 40_000)

test('a to-do past its due date is marked overdue in the danger colour', async () => {
  await app.page.clock.setFixedTime(Date.now() + 40 * DAY)
  await openAs('demo-handler', '/pages/todos/index')
  await shown(visible('todos-list'))
  const due = rows().first().locator('[data-testid="todo-due"]')
  await expect(due.innerText()).resolves.toContain('（已逾期）')
  // COLORS.danger, #d93025.
  await expect(due.evaluate((el) => getComputedStyle(el).color)).resolves.toBe('rgb(217, 48, 37)')
}, 30_000)
