/**
 * What a page of the H5 app downloads (issue 17 §10): code shared by the modules — the Taro
 * runtime, React, zod, taro-ui, the contracts, the components — comes once, with 物业服务, and
 * opening a module directly then costs only the module (each page in a fresh context at 390×844,
 * as `npm run bench` opens them; bytes as sent, compressed). 业主评价情况 fetches ECharts only when 评价统计 draws a chart.
 */
import { H5_BUDGETS, PAGES, visit, type Script, type Visit } from '../../scripts/bench-h5'
import { useApp } from '../support/app'

const app = useApp({
  setup: async () => {
    home = await visit(app.browser, app.cloud.url, PAGES[0])
  },
})
let home: Visit

const homeUrls = () => new Set(home.scripts.map((s) => s.url))
const beyondHome = (v: Visit) => v.scripts.filter((s) => !homeUrls().has(s.url))
const total = (scripts: Script[], key: 'decoded' | 'transferred') =>
  scripts.reduce((n, s) => n + s[key], 0)
const fileOf = (s: Script) => new URL(s.url).pathname

test('each module opened directly costs at most 150 KB of JS beyond 物业服务', async () => {
  const over: string[] = []
  const session = new Map<string, number>()
  for (const spec of PAGES.slice(1)) {
    const scripts = beyondHome(await visit(app.browser, app.cloud.url, spec))
    for (const s of scripts) session.set(s.url, s.decoded)
    const sent = total(scripts, 'transferred')
    if (sent > H5_BUDGETS.jsBeyondHomeBytes)
      over.push(`${spec.name}: ${sent} B in ${scripts.map(fileOf).join(' ')}`)
  }
  expect(over).toEqual([])
  // Opening every module after home: each module's own code once, no copy of what home loaded
  // (the Taro runtime and zod in every page's chunk made this 4 MB).
  const everyModule = [...session.values()].reduce((a, b) => a + b, 0)
  expect(everyModule).toBeLessThan(1024 * 1024)
}, 180_000)

test('the scripts are served compressed', async () => {
  const sent = total(home.scripts, 'transferred')
  const decoded = total(home.scripts, 'decoded')
  expect(decoded).toBeGreaterThan(100_000)
  expect(sent).toBeLessThan(decoded / 2)
})

test('业主评价情况 fetches ECharts only when 评价统计 draws its chart', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } })
  try {
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    await page.goto(`${app.cloud.url}?openid=demo-manager#/pages/evaluation/index`)
    const visible = (id: string) => page.locator(`[data-testid="${id}"]:visible`)
    await visible('rank-list').waitFor()
    const onRankings = [...scripts]

    await visible('tab-stats').click()
    await visible('stats-chart').locator('canvas').first().waitFor()
    const fetched = scripts.filter((s) => !onRankings.includes(s))
    // The chart's chunk is the one large script 评价统计 adds; 评价排名 fetched none of it.
    const sizes = await page.evaluate(
      (paths) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => paths.includes(new URL(e.name).pathname))
          .map((e) => e.decodedBodySize),
      fetched,
    )
    expect(Math.max(0, ...sizes)).toBeGreaterThan(300_000)
    const rankingBytes = await page.evaluate(
      (paths) =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => paths.includes(new URL(e.name).pathname))
          .reduce((n, e) => n + e.decodedBodySize, 0),
      onRankings,
    )
    expect(rankingBytes).toBeLessThan(home.scripts.reduce((n, s) => n + s.decoded, 0) + 150_000)
  } finally {
    await context.close()
  }
}, 60_000)

test('安全检查 fetches the image viewer only when a photo is opened, then shows it large', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } })
  try {
    const page = await context.newPage()
    await page.goto(`${app.cloud.url}?openid=demo-handler#/pages/safety/index?checkId=sc-2026h2`)
    // The seeded draft's photo of XF-07.
    const photo = page.locator('[data-testid="photo"]:visible img').first()
    await photo.waitFor()
    const loaded = async () =>
      page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => new URL(e.name).pathname.endsWith('.js'))
          .map((e) => ({ url: e.name, decoded: e.decodedBodySize })),
      )
    const before = await loaded()
    const pageOwn = before.filter((s) => !homeUrls().has(s.url))
    expect(pageOwn.reduce((n, s) => n + s.decoded, 0)).toBeLessThan(H5_BUDGETS.jsBeyondHomeBytes)
    expect(await page.locator('.preview-image').count()).toBe(0)

    await photo.click()
    await page.locator('.preview-image img').first().waitFor()
    const after = await loaded()
    expect(after.length).toBeGreaterThan(before.length)
  } finally {
    await context.close()
  }
}, 60_000)
