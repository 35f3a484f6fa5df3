/**
 * 电脑端布局 (issue 18 §5): at 1280×800 the app has a header across the top (the platform's name,
 * the quick entries the manual names as far as the account holds them, the account) and a menu of
 * the account's modules at the left, the current one marked, the page to its right. At a phone's
 * 390×844 neither is there: the phone's layout is today's. On the computer's door the header's
 * 退出登录 ends the computer's session and 扫码登录 comes back.
 */
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import type { Session } from '../../types/account'
import { roleLabel } from '../../types/display'
import { MODULES, type ModuleCode } from '../../types/modules'
import type { Result } from '../../types/errors'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

const app = useApp({ viewport: DESKTOP })
const { openAs, shown, visible } = app

async function sessionOf(openid: string): Promise<Session> {
  const reply = await app.cloud.call<Result<Session>>('binding', { action: 'me' }, openid)
  if (!reply.ok) throw new Error(`binding.me failed for ${openid}: ${reply.error.message}`)
  return reply.data
}

/** The quick entries the manual names (§2), as far as `modules` hold them, in the header's order. */
function entriesFor(modules: readonly ModuleCode[]): string[] {
  const holds = (c: ModuleCode) => modules.includes(c)
  return [
    holds('disclosure') ? '信息公开' : '',
    holds('disclosure') || holds('query') ? '信息公开查询' : '',
    holds('project') ? '物业服务信息查询' : '',
    holds('permissions') ? '微信决策管理' : '',
  ].filter(Boolean)
}

const header = () => visible('desktop-header')
const menu = () => visible('desktop-menu')
const entryTexts = async () =>
  (await header().locator('.kit-desktop-header__entry:visible').allInnerTexts()).map((t) =>
    t.trim(),
  )
/** Waits until the menu marks `testId`'s entry, and only it, as the current page. */
async function marked(testId: string): Promise<void> {
  const current = menu().locator('.kit-desktop-menu__item--current')
  await menu().locator(`[data-testid="${testId}"].kit-desktop-menu__item--current`).waitFor()
  await expect(current.count()).resolves.toBe(1)
}
const menuItems = () => menu().locator('[data-testid^="desktop-menu-module-"]:visible')
const gridTitles = async () =>
  (
    await app.page.locator('[data-testid=module-grid]:visible .module-grid__title').allInnerTexts()
  ).map((t) => t.trim())

async function openHome(openid: string): Promise<void> {
  await app.page.setViewportSize(DESKTOP)
  await openAs(openid, '/pages/home/index')
  await shown(visible('module-grid'))
}

test('a manager at 1280×800: header with the quick entries and the account, the module menu as home’s grid', async () => {
  const session = await sessionOf('demo-manager')
  await openHome('demo-manager')

  await expect(header().innerText()).resolves.toContain('深圳市物业管理信息平台')
  expect(await entryTexts()).toEqual(entriesFor(session.modules))
  expect(await entryTexts()).toHaveLength(4)
  const account = visible('desktop-account')
  await account.filter({ hasText: session.account!.name }).waitFor()
  await expect(account.innerText()).resolves.toContain(roleLabel(session.account!.role))
  await expect(account.innerText()).resolves.toContain(session.projects[0].name)
  // On the phone's door (the dev switcher) there is no computer session to end.
  await expect(visible('desktop-logout').count()).resolves.toBe(0)

  // The menu: exactly the modules home shows, in its order; 首页 marked.
  await menuItems().first().waitFor()
  expect((await menuItems().allInnerTexts()).map((t) => t.trim())).toEqual(await gridTitles())
  await marked('desktop-menu-home')

  // The page sits right of the menu and below the header.
  const menuBox = (await menu().boundingBox())!
  const headerBox = (await header().boundingBox())!
  const grid = (await visible('module-grid').boundingBox())!
  expect(grid.x).toBeGreaterThanOrEqual(menuBox.x + menuBox.width)
  expect(grid.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height)

  // A menu entry opens its module, marked as the current one.
  await visible('desktop-menu-module-disclosure').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/index/)
  await shown(visible('notice-list').first())
  await marked('desktop-menu-module-disclosure')

  // A quick entry: 信息公开 opens the page that publishes a notice.
  await visible('desktop-entry-publish').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/publish\/index/)
  await shown(visible('field-title'))
  await marked('desktop-menu-module-disclosure')
  // 信息公开查询 holds the published notices and 信息综合查询.
  await visible('desktop-entry-lookup').hover()
  await visible('desktop-link-query').click()
  await app.page.waitForURL(/#\/pages\/query\/index/)
  await marked('desktop-menu-module-query')
  await app.page.screenshot({ path: screenshotPath('desktop-manager.png') })
}, 90_000)

test('a handler sees only the modules and quick entries the account holds', async () => {
  const session = await sessionOf('demo-handler')
  await openHome('demo-handler')
  await visible('desktop-account').filter({ hasText: session.account!.name }).waitFor()
  await expect(visible('desktop-account').innerText()).resolves.toContain(
    roleLabel(session.account!.role),
  )
  expect(await entryTexts()).toEqual(entriesFor(session.modules))
  const held = MODULES.filter((m) => session.modules.includes(m.code)).map((m) => m.title)
  expect(held.length).toBeLessThan(MODULES.length)
  await menuItems().first().waitFor()
  expect((await menuItems().allInnerTexts()).map((t) => t.trim())).toEqual(held)
  expect(await gridTitles()).toEqual(held)
})

test('at a phone’s 390×844 there is neither header nor menu, and the page starts under the bar', async () => {
  await openHome('demo-manager')
  await header().waitFor()
  await app.page.setViewportSize(PHONE)
  await expect(header().count()).resolves.toBe(0)
  await expect(menu().count()).resolves.toBe(0)
  const grid = (await visible('module-grid').boundingBox())!
  expect(grid.x).toBeLessThan(40)
  expect(grid.width).toBeGreaterThan(PHONE.width - 80)
  await app.page.setViewportSize(DESKTOP)
  await header().waitFor()
})

test('a card that is only a list of fields lays them in two columns at 1280, one under another on a phone', async () => {
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-newcomer', '/pages/binding/index')
  const name = visible('field-name')
  const phone = visible('field-phone')
  await shown(name)
  const [n, p] = [(await name.boundingBox())!, (await phone.boundingBox())!]
  expect(Math.round(p.y)).toBe(Math.round(n.y))
  expect(p.x).toBeGreaterThanOrEqual(n.x + n.width)

  await app.page.setViewportSize(PHONE)
  await header().waitFor({ state: 'hidden' })
  const [n2, p2] = [(await name.boundingBox())!, (await phone.boundingBox())!]
  expect(p2.y).toBeGreaterThanOrEqual(n2.y + n2.height)
  expect(Math.round(p2.x)).toBe(Math.round(n2.x))
  await app.page.setViewportSize(DESKTOP)
})

// ---- the computer's door ------------------------------------------------------------------------

/** What the code on the computer's screen holds, read from its image as a phone camera would. */
async function scannedLink(page: Page): Promise<string> {
  const image = page.locator('[data-testid="scan-login-code"]:visible img')
  await image.waitFor()
  const src = await image.getAttribute('src')
  const png = PNG.sync.read(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!read) throw new Error('the code on screen is not a readable QR code')
  return read.data
}

test('on the computer’s door the header’s 退出登录 ends its session: 扫码登录 comes back', async () => {
  await app.page.setViewportSize(DESKTOP)
  await app.page.goto('about:blank')
  await app.page.goto(`${app.cloud.url}?door=pc#/pages/home/index`)
  const link = new URL(await scannedLink(app.page))
  const phoneContext = await app.browser.newContext({ viewport: PHONE, locale: 'zh-CN' })
  try {
    const phone = await phoneContext.newPage()
    await phone.goto(`${link.origin}/?openid=demo-handler${link.hash}`)
    await phone.locator('.at-button:visible', { hasText: '确认登录' }).click()
    await phone
      .locator('[data-testid="pclogin-closed"]:visible', { hasText: '已确认登录' })
      .waitFor()
  } finally {
    await phoneContext.close()
  }
  await visible('scan-login').waitFor({ state: 'detached' })
  await visible('desktop-account').filter({ hasText: '李晓华' }).waitFor()

  await visible('desktop-logout').click()
  await visible('scan-login').waitFor()
  const sessions = await app.cloud.call<Result<unknown[]>>(
    'pclogin',
    { action: 'sessions' },
    'demo-handler',
  )
  expect(sessions.ok && sessions.data).toEqual([])
  // Back to the phone's door for any test after this one.
  await app.page.evaluate(() => localStorage.clear())
})
