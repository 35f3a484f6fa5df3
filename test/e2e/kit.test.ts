/**
 * The app kit in the built H5 app (dist/h5) against the real local cloud: the session fetched
 * once per app open, the H5 back / home control, the to-do badge on 物业服务, a manager's pending
 * requests first on a phone-sized screen, and the project switcher of a manager of two projects
 * (刘洋, bound here through 身份认证 with the SMS code from the local outbox).
 */
import { type Locator, type Page, type Request } from 'playwright-core'
import type { Session } from '../../types/account'
import type { Result } from '../../types/errors'
import type { TodoCounts } from '../../types/todos'
import { useApp } from '../support/app'

const app = useApp({
  setup: async () => {
    app.page.on('request', (req) => {
      const m = /\/api\/functions\/([^/?]+)/.exec(req.url())
      if (!m || req.method() !== 'POST') return
      const event = JSON.parse(req.postData() ?? '{}') as { action?: string }
      calls.push(`${decodeURIComponent(m[1])}.${event.action}`)
      events.push({ ...event, fn: decodeURIComponent(m[1]) })
    })
  },
})
const { shown } = app

/** Function calls the page made: `fn.action`, and their events. */
let calls: string[] = []
let events: Record<string, unknown>[] = []

beforeEach(() => {
  calls = []
  events = []
})

const byId = (id: string, scope: Page | Locator = app.page) =>
  scope.locator(`[data-testid="${id}"]:visible`)

/** Opens the app as `openid` at `route`: a fresh load, a new app open. */
async function openAs(openid: string, route: string): Promise<void> {
  await app.page.goto('about:blank')
  calls = []
  await app.page.goto(`${app.cloud.url}?openid=${openid}#${route}`)
}

const grid = () => byId('module-grid')
const navBack = () => app.page.locator('#taro-navigation-bar .taro-navigation-bar-back:visible')
const navHome = () => app.page.locator('#taro-navigation-bar .taro-navigation-bar-home:visible')

async function ok<T>(reply: Promise<Result<T>>): Promise<T> {
  const r = await reply
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data
}

test('binding.me runs once per app open, however many module pages are opened', async () => {
  const requests: string[] = []
  const count = (req: Request) => {
    if (req.url().includes('/api/functions/binding')) requests.push(req.url())
  }
  app.page.on('request', count)
  try {
    await openAs('demo-manager', '/pages/home/index')
    await shown(grid())
    for (const code of ['permissions', 'credit', 'permissions']) {
      await byId(`module-${code}`).click()
      await app.page.waitForURL(new RegExp(`#/pages/${code}/index`))
      // The module's content first: "not denied" on a page not yet rendered would prove nothing.
      await shown(byId(code === 'permissions' ? 'handler-admin' : 'credit-types'))
      await expect(byId('module-gate-denied').count()).resolves.toBe(0)
      await navBack().click()
      await app.page.waitForURL(/#\/pages\/home\/index/)
      await shown(grid())
    }
    expect(requests).toHaveLength(1)
    expect(calls.filter((c) => c.startsWith('binding.'))).toEqual(['binding.me'])
  } finally {
    app.page.off('request', count)
  }
}, 40_000)

test('H5 sub-pages have a back control, a direct link a home control, 物业服务 neither', async () => {
  await openAs('demo-handler', '/pages/home/index')
  await shown(grid())
  await expect(navBack().count()).resolves.toBe(0)
  await expect(navHome().count()).resolves.toBe(0)

  await byId('module-permissions').click()
  await shown(byId('my-account'))
  await expect(app.page.locator('#taro-navigation-bar').innerText()).resolves.toContain('权限管理')
  await navBack().click()
  await app.page.waitForURL(/#\/pages\/home\/index/)
  await shown(grid())

  // A link straight into a sub-page: nothing to go back to, so 首页.
  await openAs('demo-handler', '/pages/permissions/index')
  await shown(byId('my-account'))
  await expect(navBack().count()).resolves.toBe(0)
  await navHome().click()
  await app.page.waitForURL(/#\/pages\/home\/index/)
  await shown(grid())
}, 30_000)

test('待办事项 on 物业服务 carries the caller’s pending count', async () => {
  const counts = await ok(
    app.cloud.call<Result<TodoCounts>>('todos', { action: 'counts' }, 'demo-handler'),
  )
  expect(counts.pending).toBeGreaterThan(0)
  await openAs('demo-handler', '/pages/home/index')
  await expect(byId('badge-todos').innerText()).resolves.toBe(String(counts.pending))
  expect(calls).toEqual(['binding.me', 'todos.counts'])

  // A pending handler holds no module: no grid, no count asked.
  await openAs('demo-pending', '/pages/home/index')
  await byId('home-pending').waitFor()
  expect(calls).toEqual(['binding.me'])
}, 30_000)

/** A new WeChat user applies as a handler of 阳光花园 through the function (not the page). */
async function applyAsHandler(openid: string, name: string, phone: string): Promise<void> {
  await ok(app.cloud.call<Result<unknown>>('binding', { action: 'sendCode', phone }, openid))
  const code = (await app.cloud.outbox({ kind: 'sms', to: phone }))[0].data.code as string
  await ok(
    app.cloud.call<Result<Session>>(
      'binding',
      {
        action: 'submit',
        category: 'property',
        name,
        phone,
        code,
        projectId: 'p-yangguang',
        requestId: `kit-${openid}`.padEnd(20, '0'),
      },
      openid,
    ),
  )
}

test('a manager on a 390×844 phone sees the pending requests first, buttons and all', async () => {
  await applyAsHandler('kit-applicant', '周杰', '13912349876')
  await app.page.setViewportSize({ width: 390, height: 844 })
  try {
    await openAs('demo-manager', '/pages/permissions/index')
    const rows = byId('pending-row')
    await rows.nth(1).waitFor()
    await shown(rows.first())
    await expect(byId('tab-pending-count').innerText()).resolves.toBe(String(await rows.count()))
    // Rendered and laid out (two frames after the last change), the page is where it will stay.
    await app.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    )
    expect(await app.page.evaluate(() => window.scrollY)).toBe(0)
    for (let i = 0; i < (await rows.count()); i++) {
      for (const id of ['authorize', 'reject']) {
        const box = await byId(id, rows.nth(i)).boundingBox()
        expect(box).not.toBeNull()
        expect(box!.y).toBeGreaterThanOrEqual(0)
        expect(box!.y + box!.height).toBeLessThanOrEqual(844)
      }
    }
    await expect(byId('tab-pending-count').innerText()).resolves.toBe(String(await rows.count()))
  } finally {
    await app.page.setViewportSize({ width: 375, height: 720 })
  }
}, 30_000)

test('a manager of two projects binds, switches project and sees the other project’s people', async () => {
  const LIU = { openid: 'kit-liu', name: '刘洋', phone: '13700137001' }
  await app.page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs(LIU.openid, '/pages/binding/index')
  await shown(app.page.locator('.binding__form'))

  // A registered manager leaves 所在项目 empty: the server takes the registry's projects.
  await byId('category-property').click()
  await byId('field-name').locator('input').fill(LIU.name)
  await byId('field-phone').locator('input').fill(LIU.phone)
  await byId('sms-code-button').click()
  await app.page.locator('[data-testid=sms-code-button]:visible', { hasText: /\d+s/ }).waitFor()
  // The code as the local cloud's outbox has it (GET /__dev/outbox?kind=sms&to=…).
  const outbox = (await (
    await app.page.request.get(`${app.cloud.url}__dev/outbox?kind=sms&to=${LIU.phone}`)
  ).json()) as { data: { code: string } }[]
  await byId('field-code').locator('input').fill(outbox[0].data.code)
  await byId('binding-submit').locator('.at-button').click()

  // Active at once: 物业服务, with the switcher since there are two projects.
  await app.page.waitForURL(/#\/pages\/home\/index/)
  await shown(grid())
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('阳光花园')

  await byId('module-permissions').click()
  const contacts = byId('contacts')
  await contacts.getByText('杨国庆').waitFor()
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('阳光花园')

  calls = []
  events = []
  await byId('project-switcher').click()
  await byId('project-option-p-haibin').click()
  await contacts.getByText('徐海').waitFor()
  await expect(contacts.innerText()).resolves.not.toContain('杨国庆')
  await expect(contacts.innerText()).resolves.toContain('陈志强')
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('海滨广场')
  // The module calls name the chosen project; the session is not asked again.
  expect(calls).toEqual(
    expect.arrayContaining(['permissions.contacts', 'permissions.listHandlers']),
  )
  expect(calls).not.toContain('binding.me')
  // (我的账号's list of computers signed in is the account's, of no project.)
  for (const e of events.filter((x) => x.fn !== 'pclogin')) expect(e.projectId).toBe('p-haibin')

  // The choice is remembered: a new app open starts in 海滨广场.
  await openAs(LIU.openid, '/pages/permissions/index')
  await byId('contacts').getByText('徐海').waitFor()
  await expect(byId('project-switcher-current').innerText()).resolves.toBe('海滨广场')
  // One project: no switcher.
  await openAs('demo-manager', '/pages/permissions/index')
  await shown(byId('contacts'))
  await expect(byId('project-switcher').count()).resolves.toBe(0)
}, 40_000)
