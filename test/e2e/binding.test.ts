/**
 * 身份认证 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. A new WeChat user applies as a handler of 阳光花园 and waits for the manager (what the
 * manager does next is permissions.test.ts). Plus inline validation and the form's draft.
 */
import type { Account } from '../../types/account'
import type { Result } from '../../types/errors'
import { screenshotPath } from '../support/browser'
import { CallLog } from '../support/pages'
import { APPLICANT } from '../support/identity'
import { useApp } from '../support/app'

const SCREENSHOT = screenshotPath('screenshot-binding.png')

const { openid: NEWCOMER, name: NAME, phone: PHONE } = APPLICANT

const log = new CallLog()
const app = useApp({ log })
const actions = (fn: string, action: string) => log.of(fn, action)

const { byId, openAs, shown, input, fieldError, tap, codeButton, waitCountdown } = app
const form = () => app.page.locator('.binding__form')

/** Picks 阳光花园 in 所在项目. */
async function pickProject(): Promise<void> {
  const search = byId('project-picker').locator('input')
  await search.fill('阳光')
  await byId('project-result-p-yangguang').click()
  await byId('project-picked', app.page).filter({ hasText: '阳光花园' }).waitFor()
}

test('a new user applies as a handler of 阳光花园 and waits for the manager', async () => {
  await openAs(NEWCOMER, '/pages/home/index')
  // No account: the app sends the user to 身份认证.
  await app.page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  await expect(app.page.title()).resolves.toBe('身份认证')

  // 所在项目 comes in its place, before the name and the code.
  const order = await app.page.locator('.binding__form:visible .section-title').allInnerTexts()
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
  const code = (await app.cloud.outbox({ kind: 'sms', to: PHONE }))[0].data.code as string
  expect(code).toMatch(/^\d{6}$/)
  await input('code').fill(code)

  // The filled-in form, once the toast (验证码已发送) has gone, tall enough to show it all.
  await app.page.locator('.taro__toast p', { hasText: '验证码' }).waitFor({ state: 'hidden' })
  await app.page.setViewportSize({ width: 375, height: 1100 })
  await app.page.screenshot({ path: SCREENSHOT })
  await app.page.setViewportSize({ width: 375, height: 720 })

  // A weak network: the server takes the request but the answer is lost. Tapping again repeats
  // the same request (same requestId), which creates nothing twice.
  let dropped = false
  await app.page.route('**/api/functions/binding', async (route) => {
    const event = route.request().postDataJSON()
    if (event.action === 'submit' && !dropped) {
      dropped = true
      await route.fetch()
      return route.abort('connectionreset')
    }
    return route.continue()
  })
  await tap('binding-submit')
  await app.page.locator('.taro__toast p:visible', { hasText: '网络异常' }).waitFor()
  await app.page.unrouteAll()
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
  const accounts = await app.cloud.collection<Account>('accounts', { phone: PHONE })
  expect(accounts).toHaveLength(1)
  expect(accounts[0]).toMatchObject({ status: 'pending', role: 'handler', name: NAME })
  expect(accounts[0].openid).toBe(NEWCOMER)
  await expect(
    app.cloud.collection('todos', { kind: 'authorizeHandler', targetId: accounts[0]._id }),
  ).resolves.toHaveLength(1)
  // The draft is gone and never held the code.
  expect(await app.page.evaluate(() => localStorage.getItem('draft.binding'))).toBeNull()
}, 30_000)

test('no project: the server’s rule under 所在项目; a wrong code: the tries left under 验证码', async () => {
  await app.page.evaluate(() => localStorage.removeItem('draft.binding'))
  const PHONE2 = '13912340011'
  await openAs('e2e-tries', '/pages/binding/index')
  await shown(form())
  await byId('category-property').click()
  await input('name').fill('钱多多')
  await input('phone').fill(PHONE2)
  await codeButton().click()
  await waitCountdown()
  const code = (await app.cloud.outbox({ kind: 'sms', to: PHONE2 }))[0].data.code as string
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
  const [account] = await app.cloud.collection<Account>('accounts', { phone: PHONE2 })
  const left = await app.cloud.call<Result<unknown>>(
    'permissions',
    { action: 'unbind' },
    'e2e-tries',
  )
  expect(left.ok).toBe(true)
  expect(account.status).toBe('pending')
}, 30_000)

test('inline validation: a bad phone is caught under the field and nothing is sent', async () => {
  await app.page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('e2e-validation', '/pages/binding/index')
  await shown(form())
  log.clear()

  await input('phone').fill('12345')
  await codeButton().click()
  await expect(fieldError('phone').innerText()).resolves.toBe('请输入正确的中国大陆手机号码')

  await tap('binding-submit')
  await expect(fieldError('category').innerText()).resolves.toBe('请选择人员类别')
  await expect(fieldError('name').innerText()).resolves.toBe('请输入姓名（至少2个字）')
  await expect(fieldError('code').innerText()).resolves.toBe('请输入6位数字验证码')
  expect(log.calls).toEqual([])

  // Fixing the field clears its message.
  await input('phone').fill('13912340000')
  await expect(fieldError('phone').count()).resolves.toBe(0)
}, 30_000)

test('the form’s draft survives a reload, without the code', async () => {
  await app.page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('e2e-draft', '/pages/binding/index')
  await shown(form())
  await byId('category-committee').click()
  await pickProject()
  await input('name').fill('周晓明')
  await input('phone').fill('13712345678')
  await input('code').fill('909090')

  await app.page.reload()
  await shown(form())
  await expect(byId('project-picked').innerText()).resolves.toContain('阳光花园')
  await expect(input('name').inputValue()).resolves.toBe('周晓明')
  await expect(input('phone').inputValue()).resolves.toBe('13712345678')
  await expect(input('code').inputValue()).resolves.toBe('')
  await expect(
    app.page.locator('.binding__category--on:visible', { hasText: '业委会人员' }).count(),
  ).resolves.toBe(1)
  const draft = await app.page.evaluate(() => localStorage.getItem('draft.binding'))
  expect(draft).toContain('周晓明')
  expect(draft).not.toContain('909090')
}, 30_000)
