/**
 * A module withdrawn while its page is open (the built H5 app against the real local cloud): the
 * page's next action is refused with MODULE_NOT_GRANTED, and the page does not just toast it — the
 * refusal reaches the session (useModuleAction), which is asked again, and the page's gate shows
 * the withdrawal. The demo handler 李晓华 picks another place in 小区气象公告栏 while the demo
 * manager takes 小区气象公告栏 from her.
 */
import type { Locator, Page } from 'playwright-core'
import type { Session } from '../../types/account'
import type { HandlerRow } from '../../types/permissions'
import { expectOk } from '../functions/helpers'
import { launchApp, type App } from '../support/browser'

const HANDLER = 'demo-handler'
const MANAGER = 'demo-manager'

let app: App
let page: Page

beforeAll(async () => {
  app = await launchApp()
  page = app.page
}, 40_000)

afterAll(async () => {
  await app?.close()
})

const visible = (testId: string, scope?: Page | Locator) => app.visible(testId, scope)

/** The manager sets the handler's modules to `modules`, as 权限管理 › 调整模块 does. */
async function setModules(accountId: string, change: (m: string[]) => string[]): Promise<void> {
  const rows = expectOk(
    await app.cloud.call('permissions', { action: 'listHandlers', status: 'active' }, MANAGER),
  ) as HandlerRow[]
  const row = rows.find((r) => r._id === accountId)
  if (!row) throw new Error(`${accountId} is not an active handler of the manager's project`)
  const event = {
    action: 'setModules',
    accountId,
    version: row.version,
    modules: change(row.modules),
  }
  expectOk(await app.cloud.call('permissions', event, MANAGER))
}

test('小区气象公告栏 withdrawn while 选择地点 is open: 确定选择 ends at the gate, which says so', async () => {
  const me = expectOk(await app.cloud.call('binding', { action: 'me' }, HANDLER)) as Session
  const accountId = me.account!._id
  expect(me.modules).toContain('weather')

  await app.openAs(HANDLER, '/pages/weather/index')
  await app.shown(visible('weather-board'))
  await visible('place-change').click()
  await visible('place-keyword').locator('input').fill('沙头')
  await visible('place-keyword').locator('.at-search-bar__action').click()
  await visible('place-result-wp-p-haibin').click()
  await page
    .locator('[data-testid="place-result-wp-p-haibin"][data-picked="true"]:visible')
    .waitFor()

  await setModules(accountId, (m) => m.filter((code) => code !== 'weather'))
  await visible('place-confirm').locator('.at-button').click()

  const denied = visible('module-gate-denied')
  await denied.waitFor()
  await expect(denied.innerText()).resolves.toContain('未获得该模块的权限')
  await expect(visible('place-search').count()).resolves.toBe(0)
}, 60_000)
