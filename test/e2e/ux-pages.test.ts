/**
 * What a person sees on the pages, as found in issue 16 (UX), in the built H5 app at a phone's
 * size: pages start at their top under the title bar; a field's error goes once it is corrected;
 * a title counts its characters and says when it is too long; figures that agree; the manager's
 * actions and destructive ones in view and in red; the list of 信息公开 on its first screen; the
 * safety form's tag, errors and refusal; 已办 with its history from the demo data; the dev
 * identity pill covering nothing.
 */
import { type Locator } from 'playwright-core'
import { useApp } from '../support/app'

const app = useApp()
const { openAs, shown, visible } = app

/** The page's box and the document's scroll, with the title bar's bottom. */
async function layout(testId: string) {
  return app.page.evaluate((id) => {
    const nav = document.querySelector('.taro-navigation-bar-show')
    const el = Array.from(document.querySelectorAll(`[data-testid="${id}"]`)).find(
      (e) => (e as HTMLElement).offsetParent !== null,
    )
    const doc = document.scrollingElement!
    return {
      navBottom: nav ? nav.getBoundingClientRect().bottom : 0,
      top: el ? el.getBoundingClientRect().top : NaN,
      bottom: el ? el.getBoundingClientRect().bottom : NaN,
      docScroll: doc.scrollTop,
      docHeight: doc.scrollHeight,
      screen: window.innerHeight,
    }
  }, testId)
}

/** Scrolls the page on top (Taro's scroller) by `dy`, as a finger would. */
async function scrollPage(dy: number): Promise<void> {
  await app.page.evaluate((d) => {
    const pages = Array.from(document.querySelectorAll('.taro_page.taro_page_show'))
    pages[pages.length - 1].scrollBy(0, d)
  }, dy)
  await app.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
}

test('a page opened after 发布 starts at its top, under the title bar; the document never scrolls', async () => {
  await openAs('demo-handler', '/pages/disclosure/publish/index')
  await shown(visible('publish-form'))
  await visible('category-财务收支').click()
  await visible('field-title').locator('input').fill('2026年12月水电费分摊公示')
  await visible('field-content').locator('textarea').fill('12月公共水电费按户分摊。')
  await visible('publish-submit').locator('.at-button').click()
  await visible('confirm-ok').click()
  await shown(visible('notice-detail'))
  const after = await layout('detail-state')
  expect(after.docScroll).toBe(0)
  expect(after.docHeight).toBeLessThanOrEqual(after.screen)
  expect(after.top).toBeGreaterThanOrEqual(after.navBottom)

  // A long form: its sticky progress bar stays under the title bar, wherever the page is.
  await openAs('demo-handler', '/pages/safety/check/index?checkId=sc-fire-2026')
  await shown(visible('fill-form'))
  await visible('check-submit').locator('.at-button').click()
  await scrollPage(400)
  const bar = await layout('fill-bar')
  expect(bar.docScroll).toBe(0)
  expect(bar.top).toBeGreaterThanOrEqual(bar.navBottom)
}, 60_000)

test('a corrected field loses its error at once; a title counts characters and says when it is too long', async () => {
  await openAs('demo-handler', '/pages/disclosure/publish/index')
  await shown(visible('publish-form'))
  await visible('publish-submit').locator('.at-button').click()
  await visible('field-title-error').waitFor()
  await visible('field-content-error').waitFor()
  await visible('field-title').locator('input').fill('停水通知')
  await visible('field-title-error').waitFor({ state: 'detached' })
  // Only the corrected field: the other keeps its error until it is corrected too.
  expect(await visible('field-content-error').count()).toBe(1)

  // 40 characters of CJK Extension B are 80 UTF-16 units, and within the 60 characters.
  const title = visible('field-title').locator('input')
  await title.fill('𠮷'.repeat(40))
  await expect(title.inputValue()).resolves.toBe('𠮷'.repeat(40))
  await expect(visible('field-title-count').innerText()).resolves.toBe('字数 40/60')
  expect(await visible('field-title-error').count()).toBe(0)
  // Pasted over the limit: kept whole (nothing cut silently), counted, and said.
  await title.fill('长'.repeat(65))
  await expect(title.inputValue()).resolves.toBe('长'.repeat(65))
  await expect(visible('field-title-count').innerText()).resolves.toBe('字数 65/60')
  await expect(visible('field-title-error').innerText()).resolves.toContain('60')
}, 60_000)

test('信息公开: 已发布 counts what the category chips count; the list starts on the first screen', async () => {
  await openAs('demo-handler', '/pages/disclosure/index')
  await shown(visible('disclosure-stats'))
  await visible('notice-row').first().waitFor()
  const published = Number((await visible('stat-published').innerText()).replace(/\D/g, ''))
  const chips = await app.page.locator('[data-testid^="stat-cat-"]:visible').allInnerTexts()
  const counted = chips.reduce((s, t) => s + Number(/(\d+)\s*$/.exec(t)?.[1] ?? NaN), 0)
  expect(chips.length).toBeGreaterThan(0)
  expect(published).toBe(counted)

  // The first notice starts in the upper half of the screen.
  const first = await layout('notice-row')
  expect(first.top).toBeLessThanOrEqual(first.screen / 2)
  // The category chips are one row (scrolling sideways), the dates wait behind 筛选.
  const tops = await app.page
    .locator('[data-testid^="filter-cat-"]:visible')
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)))
  // 全部类别 and the nine categories.
  expect(tops.length).toBe(10)
  expect(new Set(tops).size).toBe(1)
  expect(await visible('filter-from').count()).toBe(0)
  await visible('filter-toggle').click()
  await visible('filter-from').waitFor()
}, 60_000)

test('the parking sheet keeps the manager’s actions in view, and destructive actions are red', async () => {
  /** $color-danger of src/styles/theme.scss. */
  const DANGER = 'rgb(217, 48, 37)'
  const colorOf = (locator: Locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el)
      return { color: s.color, border: s.borderTopColor }
    })
  await openAs('demo-manager', '/pages/parking/sheet/index?editionId=p-yangguang_e2')
  await shown(visible('parking-sheet'))
  const cancel = visible('cancel-parking')
  await cancel.waitFor()
  let box = await layout('cancel-parking')
  expect(box.top).toBeGreaterThanOrEqual(box.navBottom)
  expect(box.bottom).toBeLessThanOrEqual(box.screen)
  await scrollPage(600)
  box = await layout('cancel-parking')
  expect(box.bottom).toBeLessThanOrEqual(box.screen)
  expect(await colorOf(cancel.locator('.at-button'))).toEqual({ color: DANGER, border: DANGER })

  // 信息公开: 删除 is red, 作废 beside it is not.
  await openAs('demo-handler', '/pages/disclosure/index')
  const row = app.page.locator('[data-testid="notice-row"][data-state="active"]:visible').first()
  await shown(row)
  await row.click()
  await shown(visible('notice-detail'))
  const remove = await colorOf(visible('remove-notice').locator('.at-button'))
  const voiding = await colorOf(visible('void-notice').locator('.at-button'))
  expect(remove).toEqual({ color: DANGER, border: DANGER })
  expect(voiding.color).not.toBe(DANGER)
}, 60_000)

test('安全检查: the tag follows the answers, 有问题 waits for the note, the refusal names the item', async () => {
  const toast = (text: string) => app.page.locator('.taro__toast p:visible', { hasText: text })
  const item = (id: string) =>
    app.page.locator(`[data-testid="check-item"][data-item-id="${id}"]:visible`)
  await openAs('demo-handler', '/pages/safety/check/index?checkId=sc-fire-2026')
  await shown(visible('fill-form'))
  await item('XF-01').locator('[data-testid="choice-ok"]').click()
  await item('XF-02').locator('[data-testid="choice-ok"]').click()
  await expect(visible('check-progress').innerText()).resolves.toBe('已填 2/7')
  await expect(visible('check-status').innerText()).resolves.not.toBe('未填写')

  // 有问题 opens the note without an error; leaving the note empty shows it; typing clears it.
  await item('XF-03').locator('[data-testid="choice-problem"]').click()
  const note = item('XF-03').locator('textarea')
  await note.waitFor()
  expect(await visible('field-note-XF-03-error').count()).toBe(0)
  await note.focus()
  await note.blur()
  await visible('field-note-XF-03-error').waitFor()
  await note.fill('报警主机故障，已报修。')
  await visible('field-note-XF-03-error').waitFor({ state: 'detached' })

  // 提交 with four items open: the toast names the first of them.
  await visible('check-submit').locator('.at-button').click()
  await toast('XF-04').waitFor()
}, 60_000)

test('demo data: 已办 has the history, 查看 shows its 审核信息 and opens the submitted answers', async () => {
  await openAs('demo-handler', '/pages/todos/index')
  await shown(visible('todos-tabs'))
  await visible('tab-done').click()
  const row = app.page.locator('[data-testid="todo-row"]:visible', {
    hasText: '2026年上半年物业小区在线常规检查',
  })
  await row.first().waitFor()
  await row.first().locator('[data-testid="todo-view"] .at-button').click()
  const detail = visible('todo-detail')
  await detail.waitFor()
  const confirmRow = detail.locator('[data-testid="trail-row"][data-action="confirm"]')
  await confirmRow.waitFor()
  await expect(confirmRow.innerText()).resolves.toMatch(/自评得分：\d+ \/ \d+/)

  await visible('todo-detail-open').locator('.at-button').click()
  await shown(visible('answer-list'))
  await expect(visible('answer-list').innerText()).resolves.toContain('5栋北侧外墙瓷砖空鼓')

  // The manager's 已办 has the history too.
  await openAs('demo-manager', '/pages/todos/index')
  await shown(visible('todos-tabs'))
  await visible('tab-done').click()
  await app.page.locator('[data-testid="todo-row"][data-status="done"]:visible').first().waitFor()
}, 60_000)

test('the 切换身份（开发） pill covers nothing of the binding form', async () => {
  await openAs('demo-newcomer', '/pages/binding/index')
  await shown(visible('binding-submit'))
  const overlaps = () =>
    app.page.evaluate(() => {
      const pill = Array.from(
        document.querySelectorAll('.taro_page_show [data-testid="dev-link"]'),
      ).find((e) => e.checkVisibility())
      if (!pill) return ['no pill']
      const p = pill.getBoundingClientRect()
      const hit: string[] = []
      for (const el of Array.from(document.querySelectorAll('.taro_page_show *'))) {
        if (pill.contains(el) || el.contains(pill)) continue
        const leaf = el.children.length === 0 || el.tagName === 'INPUT'
        if (!leaf || !el.checkVisibility()) continue
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) continue
        if (r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom)
          hit.push((el.textContent ?? el.tagName).slice(0, 20))
      }
      return hit
    })
  expect(await overlaps()).toEqual([])
  await scrollPage(300)
  expect(await overlaps()).toEqual([])
  await scrollPage(3000)
  expect(await overlaps()).toEqual([])
}, 60_000)
