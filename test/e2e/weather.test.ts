/**
 * 小区气象公告栏 end to end: the built H5 app (dist/h5) served by the real local cloud and its
 * QWeather stand-in, in headless Chromium, as the demo handler 李晓华. She searches 沙头, picks
 * 海滨广场 and 确定选择 — the page keeps it when opened again; warnings put in force at the
 * stand-in come first, in their signal's colour, with guidance for property staff (the cache
 * moved past its time to live with the cloud's clock); with the provider failing, the cached
 * board is marked 数据更新于 …, and a place never fetched says so clearly with 重试; while the
 * provider is spared after a failure, 重试 and 刷新 count its seconds down and are enabled after.
 */
import type { WeatherBoard } from '../../types/weather'
import { clock, expectOk, type Reply } from '../functions/helpers'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const ME = 'demo-handler'
/** The weather function's cache time to live, plus a second. */
const PAST_TTL = 10 * 60_000 + 1000
const STALE = /^数据更新于 (\d{2}-\d{2} )?\d{2}:\d{2}，暂时无法获取最新数据$/

const app = useApp({
  setup: async () => {
    tick = clock(app.cloud)
  },
})
const { openAs, shown, visible } = app
let tick: (ms: number) => Promise<void>

const board = (placeId: string) =>
  app.page.locator(`[data-testid="weather-board"][data-place-id="${placeId}"]:visible`)

async function openBoard(placeId: string): Promise<void> {
  await openAs(ME, '/pages/weather/index')
  await shown(board(placeId))
}

/** 更换地点 → keyword → 搜索. */
async function searchFor(keyword: string): Promise<void> {
  if (!(await visible('place-search').count())) await visible('place-change').click()
  await visible('place-keyword').locator('input').fill(keyword)
  await visible('place-keyword').locator('.at-search-bar__action').click()
}

async function choose(placeId: string): Promise<void> {
  await visible(`place-result-${placeId}`).click()
  await app.page
    .locator(`[data-testid="place-result-${placeId}"][data-picked="true"]:visible`)
    .waitFor()
  await visible('place-confirm').locator('.at-button').click()
}

test('search 沙头, pick 海滨广场, 确定选择: the page keeps the choice', async () => {
  // First the handler's own 小区, with now and 7 days.
  await openBoard('wp-p-yangguang')
  await expect(visible('place-current').innerText()).resolves.toBe('阳光花园')
  await expect(visible('no-warnings').innerText()).resolves.toBe('当前无生效的气象预警信号')
  await expect(visible('weather-temp').innerText()).resolves.toMatch(/^-?\d+°$/)
  await expect(visible('daily-row').count()).resolves.toBe(7)
  await expect(visible('daily-row').first().innerText()).resolves.toContain('今天')
  expect(await visible('weather-stale').count()).toBe(0)
  await app.page.screenshot({ path: screenshotPath('weather-board.png'), fullPage: true })

  await searchFor('沙头')
  await visible('place-result-wp-p-haibin').waitFor()
  await expect(visible('place-result-wp-p-haibin').innerText()).resolves.toContain('沙头街道')
  await visible('place-result-wp-p-haibin').click()
  await app.page.screenshot({ path: screenshotPath('weather-search.png') })
  await choose('wp-p-haibin')
  await board('wp-p-haibin').waitFor()
  await expect(visible('place-current').innerText()).resolves.toBe('海滨广场')
  expect(await visible('place-search').count()).toBe(0)

  // The server remembers it for her…
  const remembered = expectOk((await app.cloud.call('weather', { action: 'board' }, ME)) as Reply)
  expect((remembered as WeatherBoard).place.name).toBe('海滨广场')
  // …and the page opened again shows it.
  await openBoard('wp-p-haibin')
  await expect(visible('place-current').innerText()).resolves.toBe('海滨广场')
}, 40_000)

test('warnings in force come first, in their signal’s colour, with guidance for staff', async () => {
  await app.cloud.qweather({
    warnings: [
      { at: '*', type: '雷电', colour: 'yellow' },
      { at: '*', type: '暴雨', colour: 'orange' },
    ],
  })
  await tick(PAST_TTL)
  await openBoard('wp-p-haibin')
  const warnings = visible('warning')
  await expect(warnings.count()).resolves.toBe(2)
  // Most severe first.
  await expect(visible('warning-badge').allInnerTexts()).resolves.toEqual([
    '暴雨橙色预警',
    '雷电黄色预警',
  ])
  const badgeColours = await visible('warning-badge').evaluateAll((els) =>
    els.map((e) => getComputedStyle(e).backgroundColor),
  )
  expect(badgeColours).toEqual(['rgb(245, 124, 0)', 'rgb(245, 192, 0)'])
  const first = warnings.first()
  await expect(visible('warning-headline', first).innerText()).resolves.toBe(
    '深圳市气象台发布暴雨橙色预警信号',
  )
  await expect(visible('warning-guidance', first).innerText()).resolves.toContain('排水')
  await expect(visible('warning-issued', first).innerText()).resolves.toMatch(
    /^(\d{2}-\d{2} )?\d{2}:\d{2} 发布$/,
  )
  // Warnings come before the weather now and the forecast.
  const order = await app.page.evaluate(() => {
    const pick = (id: string) => document.querySelector(`.taro_page_show [data-testid="${id}"]`)
    const w = pick('warnings')
    const now = pick('weather-now')
    return w && now ? w.compareDocumentPosition(now) & Node.DOCUMENT_POSITION_FOLLOWING : 0
  })
  expect(order).toBeTruthy()
  await app.page.screenshot({ path: screenshotPath('weather-warnings.png') })
}, 30_000)

test('the provider failing after data was cached: the last board, marked 数据更新于 …', async () => {
  await app.cloud.qweather({ overQuota: true })
  await tick(PAST_TTL)
  await openBoard('wp-p-haibin')
  await expect(visible('weather-stale-text').innerText()).resolves.toMatch(STALE)
  // The cached board stays whole: its warnings first, now and 7 days.
  await expect(visible('warning').count()).resolves.toBe(2)
  await expect(visible('daily-row').count()).resolves.toBe(7)
  await app.page.screenshot({ path: screenshotPath('weather-stale.png') })
}, 30_000)

test('a place never fetched, with the provider failing: a clear message and 重试', async () => {
  // 盐田 is found through the provider while it answers…
  await app.cloud.qweather({ overQuota: false })
  await openBoard('wp-p-haibin')
  await searchFor('盐田')
  await visible('place-result-qw-101280607').waitFor()
  // …and its weather asked for once the quota is spent.
  await app.cloud.qweather({ overQuota: true })
  await choose('qw-101280607')
  const error = visible('cloud-error')
  await error.waitFor()
  await expect(error.innerText()).resolves.toContain('天气数据暂时无法获取，请稍后刷新')
  await expect(visible('place-current').innerText()).resolves.toBe('盐田')
  expect(await app.page.locator('.taro_page_show .at-activity-indicator:visible').count()).toBe(0)
  await app.page.locator('.taro__toast p', { hasText: '已选择' }).waitFor({ state: 'hidden' })
  await app.page.screenshot({ path: screenshotPath('weather-unavailable.png') })

  // The provider is spared for 30 s after the failure: 重试 could only fail, so it waits.
  await expect(visible('retry-countdown').innerText()).resolves.toMatch(/^(30|29|28) 秒后可重试$/)
  await visible('retry').locator('.at-button--disabled').waitFor()

  // 24 s of the pause later (the functions' clock), the page opened again counts the rest down
  // (it remembers 盐田) and enables 重试 when the pause is over; the provider is back by then.
  await tick(24_000)
  await openAs(ME, '/pages/weather/index')
  await expect(visible('retry-countdown').innerText()).resolves.toMatch(/^[1-6] 秒后可重试$/)
  await visible('retry').locator('.at-button--disabled').waitFor()
  await app.cloud.qweather({ overQuota: false })
  // The countdown runs on real time: up to 6 s.
  await visible('retry-countdown').waitFor({ state: 'detached', timeout: 20_000 })
  await visible('retry').locator('.at-button:not(.at-button--disabled)').click()
  await board('qw-101280607').waitFor()
  await expect(visible('daily-row').count()).resolves.toBe(7)
  expect(await visible('weather-stale').count()).toBe(0)
}, 40_000)

test('a stale board during the pause: 刷新 waits its seconds, then brings the new data', async () => {
  // 盐田 is cached now; past its time to live with the provider down, the first view fails to
  // refresh it, and the page opened again in the pause shows it old with the seconds to wait.
  await app.cloud.qweather({ down: true })
  await tick(PAST_TTL)
  await expectOk((await app.cloud.call('weather', { action: 'board' }, ME)) as Reply)
  await tick(24_000)
  await openBoard('qw-101280607')
  await expect(visible('weather-stale-text').innerText()).resolves.toMatch(STALE)
  await expect(visible('refresh-countdown').innerText()).resolves.toMatch(/^[1-6] 秒后可刷新$/)
  expect(await visible('refresh').count()).toBe(0)
  await app.cloud.qweather({ down: false })
  await visible('refresh').click({ timeout: 20_000 })
  await visible('weather-stale').waitFor({ state: 'detached' })
  await expect(visible('weather-updated').innerText()).resolves.toContain('数据来源：和风天气')
}, 40_000)
