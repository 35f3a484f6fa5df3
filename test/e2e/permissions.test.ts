/**
 * 权限管理 end to end: the built H5 app (dist/h5) served by the real local cloud, in headless
 * Chromium. A new WeChat user has applied as a handler of 阳光花园 (as in binding.test.ts); the
 * project manager authorizes two modules, the handler sees exactly those and then unbinds. Plus a
 * stale authorization, a rejection, a phone change and 注销.
 */
import type { Account } from '../../types/account'
import type { Result } from '../../types/errors'
import { CallLog } from '../support/pages'
import { APPLICANT, applyAsHandler } from '../support/identity'
import { useApp } from '../support/app'

const { openid: NEWCOMER, name: NAME, phone: PHONE } = APPLICANT

const log = new CallLog()
const app = useApp({
  log,
  setup: async () => {
    // The request binding.test.ts makes through the form, for the manager to answer.
    await applyAsHandler(app.cloud, NEWCOMER, {
      name: NAME,
      phone: PHONE,
      projectId: 'p-yangguang',
    })
  },
})
const actions = (fn: string, action: string) => log.of(fn, action)

const { byId, openAs, shown, input, fieldError, button, tap, codeButton, waitCountdown } = app
const form = () => app.page.locator('.binding__form')

async function accountOf(openid: string): Promise<Account | undefined> {
  return (await app.cloud.collection<Account>('accounts', { openid }))[0]
}

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
  const profile = app.page.locator('.profile.at-float-layout--active')
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
  const chooser = app.page.locator('.module-chooser.at-float-layout--active')
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
  await app.page.waitForURL(/#\/pages\/home\/index/)
  const items = app.page.locator('[data-testid=module-grid]:visible .module-grid__title')
  await items.first().waitFor()
  expect((await items.allInnerTexts()).map((t) => t.trim())).toEqual([
    '安全检查',
    '车位信息公开',
    '权限管理',
  ])
}, 30_000)

test('the handler unbinds in 权限管理 and is back on 身份认证', async () => {
  await byId('module-permissions').click()
  await app.page.waitForURL(/#\/pages\/permissions\/index/)
  const account = byId('my-account')
  await account.waitFor()
  const text = await account.innerText()
  expect(text).toContain(NAME)
  expect(text).toContain('139****5678')
  expect(text).toContain('安全检查、车位信息公开')

  await byId('unbind', account).click()
  const modal = app.page.locator('.confirm-dialog.at-modal--active')
  await expect(byId('confirm-content', modal).innerText()).resolves.toContain('确定解除绑定')
  await expect(byId('confirm-ok', modal).innerText()).resolves.toBe('确定解除')
  await byId('confirm-ok', modal).click()

  await app.page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  expect(actions('permissions', 'unbind')).toHaveLength(1)
  expect(await accountOf(NEWCOMER)).toBeUndefined()
  const [old] = await app.cloud.collection<Account>('accounts', { phone: PHONE })
  expect(old.status).toBe('unbound')
}, 30_000)

test('a stale 授权 is refused and the list reloads; the rejected handler sees why', async () => {
  await openAs('demo-manager', '/pages/permissions/index')
  const row = byId('pending-row').filter({ hasText: '王芳' })
  await row.waitFor()
  // Meanwhile, on another phone, the same manager rejects her.
  const reason = '手机号码与物业公司登记不一致'
  const other = await app.cloud.call<Result<unknown>>(
    'permissions',
    { action: 'reject', accountId: 'a-wang', version: 1, reason },
    'demo-manager',
  )
  expect(other.ok).toBe(true)

  await tap('authorize', row)
  const chooser = app.page.locator('.module-chooser.at-float-layout--active')
  await chooser.locator('.at-checkbox__option', { hasText: '待办事项' }).click()
  await button('确定授权', chooser).click()
  await app.page
    .locator('.taro__toast p:visible', { hasText: '记录已被他人修改，请刷新后重试' })
    .waitFor()
  await app.page.locator('.empty-state:visible', { hasText: '暂无待授权的经办人' }).waitFor()
  await expect(byId('tab-pending-count').count()).resolves.toBe(0)
  expect(actions('permissions', 'listHandlers').length).toBeGreaterThanOrEqual(3)

  // 王芳 opens the app: the reason, then 重新认证 starts from her name and phone.
  await app.page.evaluate(() => localStorage.removeItem('draft.binding'))
  await openAs('demo-pending', '/pages/home/index')
  await byId('home-rejected').waitFor()
  await button('重新认证').click()
  await app.page.waitForURL(/#\/pages\/binding\/index\?retry=1/)
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
  await app.page.waitForURL(/#\/pages\/permissions\/phone\/index/)
  await shown(app.page.locator('.phone__fields'))

  // The current phone is refused before anything is sent.
  await input('phone').fill('13800138002')
  await codeButton().click()
  await expect(fieldError('phone').innerText()).resolves.toBe('新手机号与当前手机号相同')
  expect(actions('permissions', 'sendPhoneCode')).toEqual([])

  const NEW_PHONE = '13612345678'
  await input('phone').fill(NEW_PHONE)
  await codeButton().click()
  await waitCountdown()
  const code = (await app.cloud.outbox({ kind: 'sms', to: NEW_PHONE }))[0].data.code as string
  await input('code').fill(code)
  await tap('change-phone-submit')
  await app.page.waitForURL(/#\/pages\/permissions\/index/)
  await app.page.locator('.account__phone:visible', { hasText: '136****5678' }).waitFor()
  expect(actions('permissions', 'changePhone')[0].event).toMatchObject({ phone: NEW_PHONE, code })

  await byId('deregister', byId('my-account')).click()
  const modal = app.page.locator('.confirm-dialog.at-modal--active')
  await expect(byId('confirm-content', modal).innerText()).resolves.toBe(
    '注销后账号不可恢复，确定注销？',
  )
  await byId('confirm-ok', modal).click()
  await app.page.waitForURL(/#\/pages\/binding\/index/)
  await shown(form())
  const [li] = await app.cloud.collection<Account>('accounts', { _id: 'a-li' })
  expect(li).toMatchObject({ status: 'deregistered', openid: null, phone: NEW_PHONE })
}, 30_000)
