/**
 * 电脑端 in two browsers: a 1280×800 computer on the computer's door (the web SDK, as in
 * production) and a 390×844 phone (a demo user, as in WeChat). The computer shows 扫码登录; the
 * phone opens the link the code holds, sees what it approves and confirms; the computer works as
 * that account; the phone ends the session and the computer's next call brings 扫码登录 back.
 */
import jsQR from 'jsqr'
import type { BrowserContext, Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { tinyPdf } from '../../server/seed/disclosure'
import { PC_LOGIN } from '../../types/pclogin'
import { useApp } from '../support/app'

const app = useApp({ viewport: { width: 1280, height: 800 } })
let phoneContext: BrowserContext
let phone: Page

beforeAll(async () => {
  phoneContext = await app.browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  phone = await phoneContext.newPage()
  phone.setDefaultTimeout(20_000)
})
afterAll(() => phoneContext?.close())

/** The local cloud's clock, moved forward only. */
let clockAt = 0
async function advance(ms: number) {
  clockAt += ms
  await app.cloud.setClock(clockAt)
}
// Every code is asked from 127.0.0.1, which may ask for 10 in 10 minutes: each test gets its own.
beforeEach(() => advance(PC_LOGIN.quotaWindowMs))

const computer = () => app.page
const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

/** The computer as it opens the platform: its door is the web SDK. */
async function openComputer(route = '/pages/home/index') {
  await computer().goto('about:blank')
  await computer().goto(`${app.cloud.url}?door=pc#${route}`)
}

/** What the code on the computer's screen holds, read from its image as a phone camera would. */
async function scannedLink(): Promise<string> {
  const image = visible(computer(), 'scan-login-code').locator('img')
  await image.waitFor()
  const src = await image.getAttribute('src')
  const png = PNG.sync.read(Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!read) throw new Error('the code on screen is not a readable QR code')
  return read.data
}

/** The phone opens the scanned link as `openid` (WeChat opens the page with its scene). */
async function scanWithPhone(link: string, openid: string) {
  const url = new URL(link)
  await phone.goto('about:blank')
  await phone.goto(`${url.origin}/?openid=${openid}${url.hash}`)
}

test('signs the computer in by scanning, and the phone signs it out again', async () => {
  await openComputer()
  await visible(computer(), 'scan-login').waitFor()
  await expect(visible(computer(), 'scan-login-left').innerText()).resolves.toMatch(/\d+ 秒后过期/)

  const link = await scannedLink()
  expect(link).toContain(`#/${PC_LOGIN.confirmPage}?scene=`)
  await scanWithPhone(link, 'demo-handler')
  await visible(phone, 'pclogin-ip').waitFor()
  await expect(visible(phone, 'pclogin-ip').innerText()).resolves.toMatch(/127\.0\.0\.1|::1/)
  await phone.locator('.at-button:visible', { hasText: '确认登录' }).click()
  await visible(phone, 'pclogin-closed').filter({ hasText: '已确认登录' }).waitFor()

  // Signed in: the layer goes and the computer works as 李晓华.
  await visible(computer(), 'scan-login').waitFor({ state: 'detached' })
  await openComputer('/pages/permissions/index')
  await visible(computer(), 'my-account').filter({ hasText: '李晓华' }).waitFor()
  await visible(computer(), 'phone-only-note').waitFor()
  await expect(visible(computer(), 'unbind').count()).resolves.toBe(0)
  await visible(computer(), 'pc-session').filter({ hasText: '本机' }).waitFor()

  // The phone lists the computer and ends its session.
  await phone.goto(`${app.cloud.url}?openid=demo-handler#/pages/permissions/index`)
  const row = visible(phone, 'pc-session')
  await row.first().waitFor()
  await row.first().locator('.at-button', { hasText: '退出登录' }).click()
  await visible(phone, 'pc-sessions').filter({ hasText: '暂无电脑登录' }).waitFor()

  // The computer's next call is refused, and 扫码登录 comes back, saying why.
  await openComputer('/pages/todos/index')
  await visible(computer(), 'scan-login').filter({ hasText: '登录已失效' }).waitFor()
})

/** The whole sign-in: the computer shows its code, `openid`'s phone confirms it. */
async function signIn(openid: string) {
  await openComputer()
  await scanWithPhone(await scannedLink(), openid)
  await phone.locator('.at-button:visible', { hasText: '确认登录' }).click()
  await visible(computer(), 'scan-login').waitFor({ state: 'detached' })
}

test('the computer fills the parking form, the phone publishes it, the trail names the door', async () => {
  await signIn('demo-handler')
  await openComputer('/pages/parking/form/index')
  const field = (path: string) => visible(computer(), `field-pk-${path}`).locator('input')
  await visible(computer(), 'parking-form').waitFor()
  await field('counts.aboveGround').fill('76')
  const submit = () => visible(computer(), 'submit-parking').locator('.at-button').click()
  await submit()
  await visible(computer(), 'form-errors').filter({ hasText: '充电桩数量' }).waitFor()
  await field('chargers.count').fill('64')
  await visible(computer(), 'form-errors').waitFor({ state: 'detached' })
  await submit()
  await visible(computer(), 'confirm-ok').click()
  await visible(computer(), 'sheet-status').filter({ hasText: '待发布' }).waitFor()

  // The manager publishes it on the phone, from the to-do the computer's 提交 opened.
  await phone.goto(`${app.cloud.url}?openid=demo-manager#/pages/todos/index`)
  const row = visible(phone, 'todo-row').filter({ hasText: '车位信息公开第3版' })
  await row.locator('[data-testid="todo-handle"] .at-button').click()
  await visible(phone, 'publish-parking').locator('.at-button').click()
  await visible(phone, 'confirm-ok').click()
  await visible(phone, 'sheet-status').filter({ hasText: '公示中' }).waitFor()
  await expect(visible(phone, 'parking-trail').innerText()).resolves.toMatch(/李晓华.*电脑端/)

  // The computer sees it published, then signs itself out (我的账号 › 本机 › 退出登录).
  await computer().reload()
  await visible(computer(), 'sheet-status').filter({ hasText: '公示中' }).waitFor()
  await openComputer('/pages/permissions/index')
  const here = visible(computer(), 'pc-session').filter({ hasText: '本机' })
  await here.locator('.at-button', { hasText: '退出登录' }).click()
  await visible(computer(), 'scan-login').waitFor()
})

test('the computer publishes a notice with a PDF through the web SDK; the phone reads it', async () => {
  const title = '电脑端发布：12月消防设施检查安排'
  await signIn('demo-handler')
  await openComputer('/pages/disclosure/publish/index')
  await visible(computer(), 'publish-form').waitFor()
  await visible(computer(), 'category-通知公告').click()
  await visible(computer(), 'field-title').locator('input').fill(title)
  await visible(computer(), 'field-content')
    .locator('textarea')
    .fill('12月10日起对各楼栋消防设施进行检查，届时请配合。')
  const chooser = computer().waitForEvent('filechooser')
  await visible(computer(), 'add-pdf').click()
  await (
    await chooser
  ).setFiles({ name: '检查安排.pdf', mimeType: 'application/pdf', buffer: tinyPdf('fire') })
  await computer().locator('[data-testid="attachment"][data-state="done"]:visible').waitFor()
  await visible(computer(), 'publish-submit').locator('.at-button').click()
  await visible(computer(), 'confirm-ok').click()
  await visible(computer(), 'detail-state').filter({ hasText: '公示中' }).waitFor()

  await phone.goto(`${app.cloud.url}?openid=demo-manager#/pages/disclosure/index`)
  const row = visible(phone, 'notice-row').filter({ hasText: title })
  await row.waitFor()
  await expect(row.locator('[data-testid="notice-attachments"]').count()).resolves.toBe(1)

  await openComputer('/pages/permissions/index')
  const here = visible(computer(), 'pc-session').filter({ hasText: '本机' })
  await here.locator('.at-button', { hasText: '退出登录' }).click()
  await visible(computer(), 'scan-login').waitFor()
})

test('a session ended while a form is open: 扫码登录 comes over it and nothing typed is lost', async () => {
  await signIn('demo-handler')
  await openComputer('/pages/parking/form/index')
  await visible(computer(), 'parking-form').waitFor()
  await visible(computer(), 'step-1').click() // 车位基本信息
  const total = visible(computer(), 'field-pk-counts.total').locator('input')
  await total.fill('900')
  await computer().locator('[data-testid="save-state"][data-state="saved"]:visible').waitFor()

  // The phone signs the computer out meanwhile.
  await phone.goto(`${app.cloud.url}?openid=demo-handler#/pages/permissions/index`)
  const row = visible(phone, 'pc-session').first()
  await row.locator('.at-button', { hasText: '退出登录' }).click()
  await visible(phone, 'pc-sessions').filter({ hasText: '暂无电脑登录' }).waitFor()

  // The computer's next save is refused: 扫码登录 covers the form, which keeps what was typed.
  await total.fill('901')
  await visible(computer(), 'scan-login').filter({ hasText: '登录已失效' }).waitFor()
  await scanWithPhone(await scannedLink(), 'demo-handler')
  await phone.locator('.at-button:visible', { hasText: '确认登录' }).click()
  await visible(computer(), 'scan-login').waitFor({ state: 'detached' })
  await expect(total.inputValue()).resolves.toBe('901')
  await total.fill('902')
  await computer().locator('[data-testid="save-state"][data-state="saved"]:visible').waitFor()
  const edition = await app.cloud.collection<{
    status: string
    form: { counts?: { total?: number } }
  }>('parking_editions', { status: 'draft' })
  expect(edition.map((e) => e.form.counts?.total)).toContain(902)

  await openComputer('/pages/permissions/index')
  const here = visible(computer(), 'pc-session').filter({ hasText: '本机' })
  await here.locator('.at-button', { hasText: '退出登录' }).click()
  await visible(computer(), 'scan-login').waitFor()
})

test('tells the computer when the phone cancels, or the code expires, and 刷新二维码 gives a new one', async () => {
  await openComputer()
  await scanWithPhone(await scannedLink(), 'demo-manager')
  await visible(phone, 'pclogin-ip').waitFor()
  await phone.locator('.at-button:visible', { hasText: '取消' }).click()
  await visible(phone, 'pclogin-closed').filter({ hasText: '已取消' }).waitFor()
  await visible(computer(), 'scan-login-closed').filter({ hasText: '已在手机上取消登录' }).waitFor()

  await computer().locator('.at-button:visible', { hasText: '刷新二维码' }).click()
  const first = await scannedLink()
  await advance(PC_LOGIN.requestTtlMs + 60_000)
  await visible(computer(), 'scan-login-closed').filter({ hasText: '二维码已过期' }).waitFor()
  await scanWithPhone(first, 'demo-manager')
  await visible(phone, 'pclogin-closed').filter({ hasText: '二维码已过期' }).waitFor()
  await computer().locator('.at-button:visible', { hasText: '刷新二维码' }).click()
  expect(await scannedLink()).not.toBe(first)
})

test('a phone whose account is still pending cannot approve', async () => {
  await openComputer()
  await scanWithPhone(await scannedLink(), 'demo-pending')
  await visible(phone, 'pclogin-unbound').waitFor()
})
