/**
 * The built H5 app (dist/h5, `npx taro build --type h5`) served by the real local cloud, in
 * headless Chromium: 物业服务 shows what the binding function says for the caller, and the dev
 * identity switcher changes the caller.
 */
import { type Locator } from 'playwright-core'
import type { Session } from '../../types/account'
import type { Result } from '../../types/errors'
import { MODULES, type ModuleCode } from '../../types/modules'
import { DEMO_USERS } from '../../server/seed/demo-users'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const SCREENSHOT = screenshotPath('screenshot-home.png')

const app = useApp()
const { shown } = app

const titles = (codes: readonly ModuleCode[]) =>
  codes.map((code) => MODULES.find((m) => m.code === code)?.title)

async function sessionOf(openid: string): Promise<Session> {
  const reply = await app.cloud.call<Result<Session>>('binding', { action: 'me' }, openid)
  if (!reply.ok) throw new Error(`binding.me failed for ${openid}: ${reply.error.message}`)
  return reply.data
}

const gridItems = () => app.page.locator('[data-testid=module-grid]:visible .module-grid__item')

/** The module titles on the visible home page, once the grid is there. */
async function gridTitles(): Promise<string[]> {
  await gridItems().first().waitFor({ timeout: 10_000 })
  return (
    await app.page.locator('[data-testid=module-grid]:visible .module-grid__title').allInnerTexts()
  ).map((t) => t.trim())
}

async function openSwitcher(): Promise<Locator> {
  await app.page.locator('[data-testid=dev-link]:visible').click()
  const items = app.page.locator('[data-testid^=dev-user-]:visible')
  await shown(items.first())
  return items
}

async function switchTo(openid: string): Promise<void> {
  await openSwitcher()
  await app.page.locator(`[data-testid="dev-user-${openid}"]:visible`).click()
}

test('物业服务 shows exactly the demo handler’s modules, asked as that handler', async () => {
  const session = await sessionOf('demo-handler')
  expect(session.status).toBe('active')

  const openids: string[] = []
  app.page.on('request', (req) => {
    if (req.url().includes('/api/functions/binding')) openids.push(req.headers()['x-wx-openid'])
  })
  await app.page.goto(`${app.cloud.url}?openid=demo-handler#/pages/home/index`)

  expect(await gridTitles()).toEqual(titles(session.modules))
  const greeting = app.page.locator('[data-testid=home-greeting]:visible')
  await expect(greeting.innerText()).resolves.toContain(`您好，${session.account?.name}`)
  await expect(greeting.innerText()).resolves.toContain(session.projects[0].name)
  expect(openids).toEqual(['demo-handler'])
  expect(await app.page.evaluate(() => localStorage.getItem('dev.openid'))).toBe('demo-handler')

  // A tap on a module opens its page, past its gate: 安全检查's list.
  expect(session.modules[1]).toBe('safety')
  await gridItems().nth(1).click()
  await app.page.waitForURL(new RegExp(`#/pages/${session.modules[1]}/index`))
  // The title follows once the module's chunk has loaded (a real page loads longer than a stub).
  await app.page.waitForFunction((t) => document.title === t, titles([session.modules[1]])[0])
  // The page's content first: "not denied" on a page that has not rendered would prove nothing.
  await shown(app.page.locator('[data-testid=check-card]:visible').first())
  await expect(app.page.locator('[data-testid=module-gate-denied]:visible').count()).resolves.toBe(
    0,
  )
  await app.page.goBack()
  await gridItems().first().waitFor()

  await app.page.screenshot({ path: SCREENSHOT })
}, 30_000)

test('a module the caller lacks does not open, even from a direct link', async () => {
  const session = await sessionOf('demo-handler')
  expect(session.modules).not.toContain('funds')
  await app.page.goto(`${app.cloud.url}?openid=demo-handler#/pages/funds/index`)
  const denied = app.page.locator('[data-testid=module-gate-denied]:visible')
  await denied.getByText('未获得该模块的权限').waitFor()
  await expect(app.page.locator('.taro_page_show').innerText()).resolves.not.toContain(
    '该模块正在建设中',
  )

  await app.page.goto(`${app.cloud.url}?openid=demo-pending#/pages/safety/index`)
  await app.page
    .locator('[data-testid=module-gate-denied]:visible')
    .getByText('账号尚未通过授权')
    .waitFor()

  // Back to the handler for the tests that follow.
  await app.page.goto(`${app.cloud.url}?openid=demo-handler#/pages/home/index`)
  await gridItems().first().waitFor()
}, 30_000)

test('the identity switcher changes the caller: manager, then a new user', async () => {
  const manager = await sessionOf('demo-manager')

  const items = await openSwitcher()
  expect(await items.count()).toBe(DEMO_USERS.length)
  for (const u of DEMO_USERS) await expect(items.getByText(u.label).count()).resolves.toBe(1)
  // The current caller is marked.
  await expect(
    app.page.locator('.dev-identity__item--current:visible').innerText(),
  ).resolves.toContain('demo-handler')

  await app.page.locator('[data-testid=dev-user-demo-manager]:visible').click()
  await app.page
    .locator('[data-testid=home-greeting]:visible', { hasText: manager.account?.name })
    .waitFor()
  expect(await gridTitles()).toEqual(titles(manager.modules))
  expect(await app.page.evaluate(() => localStorage.getItem('dev.openid'))).toBe('demo-manager')

  const newcomer = await sessionOf('demo-newcomer')
  expect(newcomer.status).toBe('none')
  await switchTo('demo-newcomer')
  await app.page.waitForURL(/#\/pages\/binding\/index/, { timeout: 10_000 })
  await expect(
    app.page.locator('[data-testid=binding-intro]:visible').innerText(),
  ).resolves.toContain('身份认证')
  await expect(app.page.title()).resolves.toBe('身份认证')
}, 30_000)
