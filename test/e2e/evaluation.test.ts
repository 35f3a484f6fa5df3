/**
 * 业主评价情况 end to end: the built H5 app against the real local cloud, in headless Chromium.
 * 评价排名: the city's ranking a page at a time, the caller's own entry pinned with its rank and
 * found with 定位 (its row highlighted) without paging through the list, on each tab; another
 * project's manager has no committee of its own. 评价统计: the chart drawn (pixels on its canvas)
 * and the table holding the same quarters as the function's answer.
 */
import { type Locator } from 'playwright-core'
import type { RankingPage, StatsAnswer } from '../../types/evaluation'
import { expectOk } from '../functions/helpers'
import { screenshotPath } from '../support/browser'
import { until } from '../support/until'
import { useApp } from '../support/app'

const app = useApp()
const { openAs, shown, visible } = app

/** Whether `el` is within the phone-sized viewport (scrolled into view). */
async function inView(el: Locator): Promise<boolean> {
  const box = await el.boundingBox()
  return !!box && box.y >= 0 && box.y + box.height <= 720
}

/** Resolves when the page's next `evaluation.<action>` call has answered and is on screen. */
const answered = (action: string, act: () => Promise<unknown>) =>
  app.answered('evaluation', action, act)

async function rankings(kind: string, openid = 'demo-manager') {
  const event = { action: 'rankings', kind }
  return expectOk(await app.cloud.call('evaluation', event, openid)) as RankingPage
}

test("评价排名: the city's ranking, the own entry pinned and found with 定位", async () => {
  const projects = await rankings('project')
  expect(projects.mine!.page).toBeGreaterThan(0)
  await openAs('demo-manager', '/pages/evaluation/index')
  await shown(visible('rank-list'))
  const rows = app.page.locator('[data-testid^="rank-row"]:visible')
  expect(await rows.count()).toBe(20)
  await expect(rows.first().innerText()).resolves.toContain(projects.rows[0].name)
  // 阳光花园 is not on the first page, yet its rank is there at once.
  expect(await visible('rank-row-mine').count()).toBe(0)
  await expect(visible('rank-mine').innerText()).resolves.toContain('阳光花园')
  await expect(visible('rank-mine-rank').innerText()).resolves.toBe(
    `第${projects.mine!.row.rank}名`,
  )

  await answered('rankings', () => visible('rank-locate').locator('.at-button').click())
  const mine = visible('rank-row-mine')
  await mine.waitFor()
  await expect(mine.innerText()).resolves.toContain('阳光花园')
  await expect(mine.innerText()).resolves.toContain(String(projects.mine!.row.rank))
  await until(() => inView(mine), 'the own row scrolled into view')
  await app.page.screenshot({ path: screenshotPath('evaluation-rankings.png') })
  await answered('rankings', () => visible('rank-from-top').click())
  await expect(rows.first().innerText()).resolves.toContain(projects.rows[0].name)

  for (const [kind, name] of [
    ['company', '深圳市安居物业管理有限公司'],
    ['committee', '阳光花园业主委员会'],
  ] as const) {
    const res = await rankings(kind)
    await answered('rankings', () => visible(`tab-${kind}`).click())
    await expect(visible('rank-mine').innerText()).resolves.toContain(name)
    await expect(visible('rank-mine-rank').innerText()).resolves.toBe(`第${res.mine!.row.rank}名`)
    const locate = () => visible('rank-locate').locator('.at-button').click()
    // On the first page already (few companies): 定位 only brings the row into view.
    if (res.mine!.page > 0) await answered('rankings', locate)
    else await locate()
    await expect(visible('rank-row-mine').innerText()).resolves.toContain(name)
    await until(() => inView(visible('rank-row-mine')), `the own ${kind} row in view`)
  }

  // An earlier quarter.
  await answered('rankings', () => visible('tab-project').click())
  const label = await visible('rank-period').innerText()
  await answered('rankings', () => visible('period-prev').click())
  expect(await visible('rank-period').innerText()).not.toBe(label)

  // 海滨广场 has no owners' committee: nothing of its own on that tab.
  await openAs('demo-manager2', '/pages/evaluation/index')
  await shown(visible('rank-list'))
  await expect(visible('rank-mine').innerText()).resolves.toContain('海滨广场')
  await answered('rankings', () => visible('tab-committee').click())
  await expect(visible('rank-mine-none').innerText()).resolves.toContain('未参与排名')
}, 60_000)

test('评价统计: the chart is drawn and the table holds its numbers', async () => {
  const stats = expectOk(
    await app.cloud.call('evaluation', { action: 'stats' }, 'demo-manager'),
  ) as StatsAnswer
  await openAs('demo-manager', '/pages/evaluation/index')
  await shown(visible('rank-list'))
  await answered('stats', () => visible('tab-stats').click())
  const chart = visible('stats-chart')
  const canvas = chart.locator('canvas').first()
  await canvas.waitFor()
  // Something is drawn: many pixels of the canvas are not blank.
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
    let n = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++
    return { n, w: c.width, h: c.height }
  })
  expect(inked.w).toBeGreaterThan(300)
  expect(inked.h).toBeGreaterThan(150)
  expect(inked.n).toBeGreaterThan(2000)

  const table = visible('stats-table')
  const rows = table.locator('[data-testid="stats-row"]')
  expect(await rows.count()).toBe(stats.quarters.length)
  const cells = await rows.allInnerTexts()
  stats.quarters.forEach((q, i) => {
    expect(cells[i]).toContain(q.score.toFixed(1))
    expect(cells[i]).toContain(String(q.count))
    expect(cells[i]).toContain(`${q.satisfaction['客户服务'].toFixed(1)}%`)
  })
  await expect(table.innerText()).resolves.toContain('房屋维修满意度')
  await app.page.screenshot({ path: screenshotPath('evaluation-stats.png') })
}, 60_000)
