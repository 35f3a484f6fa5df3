/**
 * 身份认证 and 权限管理 end to end: the built H5 app (dist/h5) served by the real local cloud, in
 * headless Chromium. A new WeChat user applies as a handler of 阳光花园, the project manager
 * authorizes two modules, the handler sees exactly those and then unbinds. Plus inline validation
 * and the form's draft.
 */
import { type Locator, type Page, type Request } from 'playwright-core'
import type { Account } from '../../types/account'
import type { Result } from '../../types/errors'
import { launchApp, screenshotPath, type App } from '../support/browser'
import type { TestCloud } from '../support/cloud'

const SCREENSHOT = screenshotPath('screenshot-binding.png')

const NEWCOMER = 'e2e-newcomer'
const NAME = '孙丽娜'
const PHONE = '13912345678'

let app: App
let cloud: TestCloud
let page: Page

/** Function calls the page made: name, action and parameters. */
interface Call {
  fn: string
  event: Record<string, unknown>
}
let calls: Call[] = []

function onRequest(req: Request) {
  const m = /\/api\/functions\/([^/?]+)/.exec(req.url())
  if (!m || req.method() !== 'POST') return
  calls.push({ fn: decodeURIComponent(m[1]), event: JSON.parse(req.postData() ?? '{}') })
}

const actions = (fn: string, action: string) =>
  calls.filter((c) => c.fn === fn && c.event.action === action)

/** Opens the app as `openid` at `route` (a fresh load, so the URL's openid is applied). */
const openAs = (openid: string, route: string) => app.openAs(openid, route)

/** Waits until `locator` is on a page whose entering transition is over (see home.test.ts). */
const shown = (locator: Locator) => app.shown(locator)

const byId = (id: string, scope: Page | Locator = page) =>
  scope.locator(`[data-testid="${id}"]:visible`)
const input = (field: string) => byId(`field-${field}`).locator('input')
const fieldError = (field: string) => byId(`field-${field}-error`)
const button = (text: string, scope: Page | Locator = page) =>
  scope.locator('.at-button:visible', { hasText: text })
/** A button wrapped in `data-testid` (taro-ui's AtButton takes no data attributes). */
const tap = (id: string, scope: Page | Locator = page) =>
  byId(id, scope).locator('.at-button').click()
const form = () => page.locator('.binding__form')
const codeButton = () => byId('sms-code-button')
const waitCountdown = () =>
  page.locator('[data-testid=sms-code-button]:visible', { hasText: /重新获取\(\d+s\)/ }).waitFor()

/** Picks 阳光花园 in 所在项目. */
async function pickProject(): Promise<void> {
  const search = byId('project-picker').locator('input')
  await search.fill('阳光')
  await byId('project-result-p-yangguang').click()
  await byId('project-picked', page).filter({ hasText: '阳光花园' }).waitFor()
}

async function accountOf(openid: string): Promise<Account | undefined> {
  return (await cloud.collection<Account>('accounts', { openid }))[0]
}

beforeAll(async () => {
  app = await launchApp()
  ;({ cloud, page } = app)
  page.on('request', onRequest)
}, 40_000)

beforeEach(() => {
  calls = []
})

afterAll(async () => {
  await app?.close()
})

test('a new user applies as a handler of 阳光花园 and waits for the manager', async () => {
  await openAs(NEWCOMER, '/pages/home/index')
  // No account: the app sends the user to 身份认证.
  await page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  await expect(page.title()).resolves.toBe('身份认证')

  // 所在项目 comes in its place, before the name and the code.
  const order = await page.locator('.binding__form:visible .section-title').allInnerTexts()
  expect(order).toEqual(['人员类别', '所在项目', '基本信息'])

  await byId('category-property').click()
  await pickProject()
  await input('name').fill(NAME)
  await input('phone').fill(PHONE)
  await codeButton().click()
  await waitCountdown()
  expect(actions('binding', 'sendCode').map((c) => c.event)).toEqual([
    { action: 'sendCode', phone: PHONE },
  ])
  const code = (await cloud.outbox({ kind: 'sms', to: PHONE }))[0].data.code as string
  expect(code).toMatch(/^\d{6}$/)
  await input('code').fill(code)

  // The filled-in form, once the toast (验证码已发送) has gone, tall enough to show it all.
  await page.locator('.taro__toast p', { hasText: '验证码' }).waitFor({ state: 'hidden' })
  await page.setViewportSize({ width: 375, height: 1100 })
  await page.screenshot({ path: SCREENSHOT })
  await page.setViewportSize({ width: 375, height: 720 })

  // A weak network: the server takes the request but the answer is lost. Tapping again repeats
  // the same request (same requestId), which creates nothing twice.
  let dropped = false
  await page.route('**/api/functions/binding', async (route) => {
    const event = route.request().postDataJSON()
    if (event.action === 'submit' && !dropped) {
      dropped = true
      await route.fetch()
      return route.abort('connectionreset')
    }
    return route.continue()
  })
  await tap('binding-submit')
  await page.locator('.taro__toast p:visible', { hasText: '网络异常' }).waitFor()
  await page.unrouteAll()
  await tap('binding-submit')
  const pending = byId('binding-pending')
  await pending.waitFor()
  const text = await pending.innerText()
  expect(text).toContain('等待项目负责人授权')
  expect(text).toContain('阳光花园')
  expect(text).toContain('139****5678')
  // The card above says what the waiting means, not how to fill the form.
  const intro = await byId('binding-intro').innerText()
  expect(intro).not.toContain('点击“提交信息”')
  expect(intro).toContain('项目负责人授权后')

  // One intent, sent twice (the retry): one account.
  const submits = actions('binding', 'submit').map((c) => c.event)
  expect(submits).toHaveLength(2)
  expect(submits[0]).toMatchObject({
    category: 'property',
    name: NAME,
    phone: PHONE,
    code,
    projectId: 'p-yangguang',
  })
  expect(submits[1]).toEqual(submits[0])
  const accounts = await cloud.collection<Account>('accounts', { phone: PHONE })
  expect(accounts).toHaveLength(1)
  expect(accounts[0]).toMatchObject({ status: 'pending', role: 'handler', name: NAME })
  expect(accounts[0].openid).toBe(NEWCOMER)
  await expect(
    cloud.collection('todos', { kind: 'authorizeHandler', targetId: accounts[0]._id }),
  ).resolves.toHaveLength(1)
  // The draft is gone and never held the code.
  expect(await page.evaluate(() => localStorage.getItem('draft.binding'))).toBeNull()
}, 30_000)

test('no project: the server’s rule under 所在项目; a wrong code: the tries left under 验证码', async () => {
  await page.evaluate(() => localStorage.removeItem('draft.binding'))
  const PHONE2 = '13912340011'
  await openAs('e2e-tries', '/pages/binding/index')
  await shown(form())
  await byId('category-property').click()
  await input('name').fill('钱多多')
  await input('phone').fill(PHONE2)
  await codeButton().click()
  await waitCountdown()
  const code = (await cloud.outbox({ kind: 'sms', to: PHONE2 }))[0].data.code as string
  const [wrong, wrong2] = ['000000', '111111', '222222'].filter((c) => c !== code)
  await input('code').fill(wrong)

  // Not a registered manager and no project: the server says so under 所在项目, before it
  // looks at the code (no try is spent).
  await tap('binding-submit')
  await expect(fieldError('projectId').innerText()).resolves.toBe('请选择所在项目')
  await expect(fieldError('code').count()).resolves.toBe(0)

  // With the project, the wrong code: the server's own words, with the tries left.
  await pickProject()
  await expect(fieldError('projectId').count()).resolves.toBe(0)
  await tap('binding-submit')
  await expect(fieldError('code').innerText()).resolves.toBe('验证码错误，还可尝试4次')
  await input('code').fill(wrong2)
  await tap('binding-submit')
  await expect(fieldError('code').innerText()).resolves.toBe('验证码错误，还可尝试3次')

  // The right one goes through.
  await input('code').fill(code)
  await tap('binding-submit')
  await byId('binding-pending').waitFor()
  // Leave no second pending request for the manager's tests below.
  const [account] = await cloud.collection<Account>('accounts', { phone: PHONE2 })
  const left = await cloud.call<Result<unknown>>('permissions', { action: 'unbind' }, 'e2e-tries')
  expect(left.ok).toBe(true)
  expect(account.status).toBe('pending')
}, 30_000)

test('the manager sees the request in 权限管理 and grants two modules', async () => {
  await openAs('demo-manager', '/pages/permissions/index')
  // Everyone sees the company head and the project managers.
  const contacts = byId('contacts')
  await contacts.locator('[data-testid=contact-row]').first().waitFor()
  await expect(contacts.innerText()).resolves.toContain('企业负责人')
  // Each person is named with a role once: 刘洋 项目负责人, then the project, not the role again.
  const liu = contacts.locator('[data-testid=contact-row]', { hasText: '刘洋' })
  expect((await liu.innerText()).match(/项目负责人/g)).toHaveLength(1)
  await contacts.locator('[data-testid=contact-avatar]').first().click()
  const profile = page.locator('.profile.at-float-layout--active')
  await profile.locator('.profile__head').waitFor()
  await expect(profile.innerText()).resolves.toMatch(/人员信息[\s\S]*手机号码/)
  await profile.locator('.layout-header__btn-close').click()
  await profile.waitFor({ state: 'detached' })

  // What awaits the manager comes first: the requests, above the contacts and the account.
  const row = byId('pending-row').filter({ hasText: NAME })
  await row.waitFor()
  const top = async (id: string) => (await byId(id).first().boundingBox())?.y ?? -1
  expect(await top('handler-admin')).toBeLessThan(await top('contacts'))
  expect(await top('contacts')).toBeLessThan(await top('my-account'))
  await tap('authorize', row)
  const chooser = page.locator('.module-chooser.at-float-layout--active')
  await chooser.waitFor()
  // Nothing ticked: the shared rule's message, and nothing is sent.
  await button('确定授权', chooser).click()
  await expect(chooser.locator('.sheet__error').innerText()).resolves.toBe('请至少选择一个模块')
  await chooser.locator('.at-checkbox__option', { hasText: '安全检查' }).click()
  await chooser.locator('.at-checkbox__option', { hasText: '车位信息公开' }).click()
  await button('确定授权', chooser).click()
  await row.waitFor({ state: 'detached' })

  const authorize = actions('permissions', 'authorize')
  expect(authorize).toHaveLength(1)
  expect(authorize[0].event).toMatchObject({ modules: ['safety', 'parking'], version: 1 })
  const account = await accountOf(NEWCOMER)
  expect(account).toMatchObject({ status: 'active', modules: ['safety', 'parking'] })

  // 经办人 lists the handler with its modules; 操作记录 has the authorization.
  await byId('tab-active').click()
  const activeRow = byId('handler-row').filter({ hasText: NAME })
  await expect(activeRow.locator('.chip').allInnerTexts()).resolves.toEqual([
    '安全检查',
    '车位信息公开',
  ])
  await byId('tab-audit').click()
  const rows = byId('audit-row')
  const latest = rows.first()
  await expect(latest.innerText()).resolves.toMatch(/授权[\s\S]*张建国[\s\S]*孙丽娜/)
  await expect(latest.innerText()).resolves.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  // Who did what to whom, each person once: the applicant's own request names her once.
  const request = rows.filter({ hasText: '申请绑定' }).filter({ hasText: NAME }).first()
  const who = await request.locator('.audit-row__who').innerText()
  expect(who.match(new RegExp(NAME, 'g'))).toHaveLength(1)
  expect(who).not.toContain('操作人')
}, 30_000)

test('the handler’s 物业服务 shows exactly the granted modules plus 权限管理', async () => {
  await openAs(NEWCOMER, '/pages/binding/index')
  // Active now: 身份认证 sends the user on to 物业服务.
  await page.waitForURL(/#\/pages\/home\/index/)
  const items = page.locator('[data-testid=module-grid]:visible .module-grid__title')
  await items.first().waitFor()
  expect((await items.allInnerTexts()).map((t) => t.trim())).toEqual([
    '安全检查',
    '车位信息公开',
    '权限管理',
  ])
}, 30_000)

test('the handler unbinds in 权限管理 and is back on 身份认证', async () => {
  await byId('module-permissions').click()
  await page.waitForURL(/#\/pages\/permissions\/index/)
  const account = byId('my-account')
  await account.waitFor()
  const text = await account.innerText()
  expect(text).toContain(NAME)
  expect(text).toContain('139****5678')
  expect(text).toContain('安全检查、车位信息公开')

  await byId('unbind', account).click()
  const modal = page.locator('.confirm-dialog.at-modal--active')
  await expect(byId('confirm-content', modal).innerText()).resolves.toContain('确定解除绑定')
  await expect(byId('confirm-ok', modal).innerText()).resolves.toBe('确定解除')
  await byId('confirm-ok', modal).click()

  await page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  expect(actions('permissions', 'unbind')).toHaveLength(1)
  expect(await accountOf(NEWCOMER)).toBeUndefined()
  const [old] = await cloud.collection<Account>('accounts', { phone: PHONE })
  expect(old.status).toBe('unbound')
}, 30_000)

test('a stale 授权 is refused and the list reloads; the rejected handler sees why', async () => {
  await openAs('demo-manager', '/pages/permissions/index')
  const row = byId('pending-row').filter({ hasText: '王芳' })
  await row.waitFor()
  // Meanwhile, on another phone, the same manager rejects her.
  const reason = '手机号码与物业公司登记不一致'
  const other = await cloud.call<Result<unknown>>(
    'permissions',
    { action: 'reject', accountId: 'a-wang', version: 1, reason },
    'demo-manager',
  )
  expect(other.ok).toBe(true)

  await tap('authorize', row)
  const chooser = page.locator('.module-chooser.at-float-layout--active')
  await chooser.locator('.at-checkbox__option', { hasText: '待办事项' }).click()
  await button('确定授权', chooser).click()
  await page
    .locator('.taro__toast p:visible', { hasText: '记录已被他人修改，请刷新后重试' })
    .waitFor()
  await page.locator('.empty-state:visible', { hasText: '暂无待授权的经办人' }).waitFor()
  await expect(byId('tab-pending-count').count()).resolves.toBe(0)
  expect(actions('permissions', 'listHandlers').length).toBeGreaterThanOrEqual(3)

  // 王芳 opens the app: the reason, then 重新认证 starts from her name and phone.
  await page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('demo-pending', '/pages/home/index')
  await byId('home-rejected').waitFor()
  await button('重新认证').click()
  await page.waitForURL(/#\/pages\/binding\/index\?retry=1/)
  await shown(form())
  await expect(input('name').inputValue()).resolves.toBe('王芳')
  await expect(input('phone').inputValue()).resolves.toBe('13800138003')

  await openAs('demo-pending', '/pages/binding/index')
  const rejected = byId('binding-rejected')
  await expect(rejected.innerText()).resolves.toContain(reason)
  await button('重新认证', rejected).click()
  await shown(form())
}, 30_000)

test('a handler changes the bound phone, then 注销 the account', async () => {
  await openAs('demo-handler', '/pages/permissions/index')
  const account = byId('my-account')
  await account.waitFor()
  await expect(account.innerText()).resolves.toContain('138****8002')
  await byId('change-phone', account).click()
  await page.waitForURL(/#\/pages\/permissions\/phone\/index/)
  await shown(page.locator('.phone__fields'))

  // The current phone is refused before anything is sent.
  await input('phone').fill('13800138002')
  await codeButton().click()
  await expect(fieldError('phone').innerText()).resolves.toBe('新手机号与当前手机号相同')
  expect(actions('permissions', 'sendPhoneCode')).toEqual([])

  const NEW_PHONE = '13612345678'
  await input('phone').fill(NEW_PHONE)
  await codeButton().click()
  await waitCountdown()
  const code = (await cloud.outbox({ kind: 'sms', to: NEW_PHONE }))[0].data.code as string
  await input('code').fill(code)
  await tap('change-phone-submit')
  await page.waitForURL(/#\/pages\/permissions\/index/)
  await page.locator('.account__phone:visible', { hasText: '136****5678' }).waitFor()
  expect(actions('permissions', 'changePhone')[0].event).toMatchObject({ phone: NEW_PHONE, code })

  await byId('deregister', byId('my-account')).click()
  const modal = page.locator('.confirm-dialog.at-modal--active')
  await expect(byId('confirm-content', modal).innerText()).resolves.toBe(
    '注销后账号不可恢复，确定注销？',
  )
  await byId('confirm-ok', modal).click()
  await page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  const [li] = await cloud.collection<Account>('accounts', { _id: 'a-li' })
  expect(li).toMatchObject({ status: 'deregistered', openid: null, phone: NEW_PHONE })
}, 30_000)

test('inline validation: a bad phone is caught under the field and nothing is sent', async () => {
  await page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('e2e-validation', '/pages/binding/index')
  await shown(form())
  calls = []

  await input('phone').fill('12345')
  await codeButton().click()
  await expect(fieldError('phone').innerText()).resolves.toBe('请输入正确的中国大陆手机号码')

  await tap('binding-submit')
  await expect(fieldError('category').innerText()).resolves.toBe('请选择人员类别')
  await expect(fieldError('name').innerText()).resolves.toBe('请输入姓名（至少2个字）')
  await expect(fieldError('code').innerText()).resolves.toBe('请输入6位数字验证码')
  expect(calls).toEqual([])

  // Fixing the field clears its message.
  await input('phone').fill('13912340000')
  await expect(fieldError('phone').count()).resolves.toBe(0)
}, 30_000)

test('the form’s draft survives a reload, without the code', async () => {
  await page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('e2e-draft', '/pages/binding/index')
  await shown(form())
  await byId('category-committee').click()
  await pickProject()
  await input('name').fill('周晓明')
  await input('phone').fill('13712345678')
  await input('code').fill('909090')

  await page.reload()
  await shown(form())
  await expect(byId('project-picked').innerText()).resolves.toContain('阳光花园')
  await expect(input('name').inputValue()).resolves.toBe('周晓明')
  await expect(input('phone').inputValue()).resolves.toBe('13712345678')
  await expect(input('code').inputValue()).resolves.toBe('')
  await expect(
    page.locator('.binding__category--on:visible', { hasText: '业委会人员' }).count(),
  ).resolves.toBe(1)
  const draft = await page.evaluate(() => localStorage.getItem('draft.binding'))
  expect(draft).toContain('周晓明')
  expect(draft).not.toContain('909090')
}, 30_000)
