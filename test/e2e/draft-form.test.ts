/**
 * The draft engine both long forms stand on (src/hooks/useDraftForm), as a person meets it in the
 * built H5 app: a save that fails says 保存失败 · 重试 and a tap on it saves; what was typed just
 * before leaving the form is kept. 车位信息公开 (one draft for the whole form) and 安全检查 (one
 * answer per item) show it the same way.
 */
import { type Locator, type Page } from 'playwright-core'
import type { ParkingEdition } from '../../types/parking'
import type { SafetySubmission } from '../../types/safety'
import { launchApp, type App } from '../support/browser'
import { until } from '../support/until'

let app: App
let page: Page

const visible = (testId: string, scope?: Page | Locator) => app.visible(testId, scope)

/** Every call of `fn.action` fails as when the network drops, until `restore` is called. */
async function dropSaves(fn: string, action: string): Promise<() => Promise<void>> {
  const url = `**/api/functions/${fn}`
  await page.route(url, (route) =>
    route.request().postDataJSON()?.action === action
      ? route.abort('internetdisconnected')
      : route.continue(),
  )
  return () => page.unroute(url)
}

async function edition(id: string): Promise<ParkingEdition> {
  return (await app.cloud.collection<ParkingEdition>('parking_editions', { _id: id }))[0]
}

async function submission(id: string): Promise<SafetySubmission | undefined> {
  return (await app.cloud.collection<SafetySubmission>('safety_submissions', { _id: id }))[0]
}

beforeAll(async () => {
  app = await launchApp()
  page = app.page
}, 40_000)

// A test that fails midway leaves no dropped network to the next.
afterEach(async () => {
  await page.unrouteAll()
})

afterAll(async () => {
  await app?.close()
})

describe('车位信息公开', () => {
  const E3 = 'p-yangguang_e3'
  const input = (path: string) => visible(`field-pk-${path}`).locator('input')
  const status = () => visible('save-state')

  test('a failed save says 保存失败 · 重试; a tap saves it', async () => {
    await app.openAs('demo-handler', '/pages/parking/form/index')
    await app.shown(visible('parking-form'))
    const restore = await dropSaves('parking', 'saveDraft')
    await input('counts.aboveGround').fill('70')
    await page.locator('[data-testid="save-state"][data-state="failed"]:visible').waitFor()
    await expect(status().innerText()).resolves.toBe('保存失败 · 重试')
    expect((await edition(E3)).form.counts?.aboveGround).toBe(60)

    await restore()
    await status().click()
    await page.locator('[data-testid="save-state"][data-state="saved"]:visible').waitFor()
    await expect(status().innerText()).resolves.toMatch(/^已保存 /)
    expect((await edition(E3)).form.counts?.aboveGround).toBe(70)
  }, 60_000)

  test('a number typed just before leaving the form is kept', async () => {
    await app.openAs('demo-handler', '/pages/parking/index')
    await app.shown(visible('continue-draft'))
    await visible('continue-draft').locator('.at-button').click()
    await app.shown(visible('parking-form'))
    await input('counts.aboveGround').fill('72')
    await page.goBack()
    await app.shown(visible('continue-draft'))
    await until(async () => (await edition(E3)).form.counts?.aboveGround === 72, 'the draft saved')

    await visible('continue-draft').locator('.at-button').click()
    await app.shown(visible('parking-form'))
    await expect(input('counts.aboveGround').inputValue()).resolves.toBe('72')
  }, 60_000)
})

describe('安全检查', () => {
  const CHECK = 'sc-fire-2026'
  const SUBMISSION = `${CHECK}_p-yangguang`
  const item = (id: string) =>
    page.locator(`[data-testid="check-item"][data-item-id="${id}"]:visible`)
  const itemState = (id: string, state: string) =>
    item(id).locator(`[data-testid="item-save"][data-state="${state}"]`)

  test('a failed save says 保存失败 · 重试 on its item; a tap saves it', async () => {
    await app.openAs('demo-handler', `/pages/safety/check/index?checkId=${CHECK}`)
    await app.shown(visible('fill-form'))
    const restore = await dropSaves('safety', 'saveAnswer')
    await item('XF-01').locator('[data-testid="choice-ok"]').click()
    await itemState('XF-01', 'failed').waitFor()
    await expect(item('XF-01').locator('[data-testid="item-save"]').innerText()).resolves.toBe(
      '保存失败 · 重试',
    )
    expect((await submission(SUBMISSION))?.answers['XF-01']).toBeUndefined()

    await restore()
    await itemState('XF-01', 'failed').click()
    await itemState('XF-01', 'saved').waitFor()
    await expect(visible('save-status').innerText()).resolves.toBe('已保存')
    expect((await submission(SUBMISSION))?.answers['XF-01']).toEqual({ result: 'ok', photos: [] })
  }, 60_000)

  test('a note typed just before leaving the check is kept', async () => {
    const NOTE = '灭火器已全部检验。'
    await app.openAs('demo-handler', '/pages/safety/index')
    const card = page.locator(`[data-testid="check-card"][data-check-id="${CHECK}"]:visible`)
    await app.shown(card)
    await card.click()
    await app.shown(visible('fill-form'))
    await item('XF-01').locator('[data-testid="item-unfold"]').click()
    await item('XF-01').locator('textarea').fill(NOTE)
    await page.goBack()
    await app.shown(card)
    await until(
      async () => (await submission(SUBMISSION))?.answers['XF-01']?.note === NOTE,
      'the note saved',
    )

    await card.click()
    await app.shown(visible('fill-form'))
    await expect(item('XF-01').locator('textarea').inputValue()).resolves.toBe(NOTE)
  }, 60_000)
})
