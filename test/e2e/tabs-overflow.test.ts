/**
 * Tab bars wider than the phone (项目信息's eleven tabs, 信用信息's six types) show that more tabs
 * lie beyond an edge: a fade with an arrow at the end while tabs are hidden there, at the start
 * once scrolled; the hidden tabs can be scrolled to and opened.
 */
import { type Locator } from 'playwright-core'
import { useApp } from '../support/app'

const app = useApp()
const { visible } = app

/** The sideways scroller around the bar `testId`. */
const scroller = (testId: string): Locator =>
  app.page
    .locator('.taro_page_show .scroll-tabs', { has: visible(testId) })
    .locator('.scroll-tabs__view')

async function scrollTo(testId: string, to: 'start' | 'end') {
  await scroller(testId).evaluate((el, end) => {
    el.scrollLeft = end ? el.scrollWidth : 0
  }, to === 'end')
}

/** Whether the tab is entirely inside the visible part of its bar. */
async function inView(tab: Locator, testId: string): Promise<boolean> {
  const t = await tab.boundingBox()
  const bar = await scroller(testId).boundingBox()
  return !!t && !!bar && t.x >= bar.x - 1 && t.x + t.width <= bar.x + bar.width + 1
}

for (const [route, testId, last, lastTitle] of [
  ['/pages/project/index', 'project-tabs', 'fund', '维修金信息'],
  ['/pages/credit/index', 'credit-types', 'supervisor', '业主监事'],
] as const) {
  test(`${testId}: the hidden tabs are shown to exist, and reached`, async () => {
    await app.openAs('demo-manager', route)
    await app.shown(visible(testId))
    const tab = visible(`tab-${last}`)
    expect(await inView(tab, testId)).toBe(false)
    await visible(`${testId}-more-end`).waitFor()
    await expect(visible(`${testId}-more-start`).count()).resolves.toBe(0)

    await scrollTo(testId, 'end')
    await visible(`${testId}-more-start`).waitFor()
    await visible(`${testId}-more-end`).waitFor({ state: 'detached' })
    expect(await inView(tab, testId)).toBe(true)
    await expect(tab.innerText()).resolves.toContain(lastTitle)
    await tab.click()
    await expect(tab.getAttribute('data-active')).resolves.toBe('true')

    await scrollTo(testId, 'start')
    await visible(`${testId}-more-end`).waitFor()
    await visible(`${testId}-more-start`).waitFor({ state: 'detached' })
  })
}
