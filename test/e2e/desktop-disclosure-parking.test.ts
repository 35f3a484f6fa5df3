/**
 * 信息公开 and 车位信息公开 on a computer (issue 18 §5), at 1280×800: the notices are a table
 * (标题 … 附件) a page at a time, a date column's header ordering the whole list (第 1 页 its first
 * notices, 第 2 页 going on from there), a row opening the notice, whose facts and 作废 / 删除
 * stand beside it; the filters are one bar. The publish form lays category and title side by side,
 * the attachments in a column at the right, and what it publishes is listed. 车位信息: the edition
 * in force and the draft side by side, the history a table; the form's fields in columns; the 公示单
 * in two columns under a bar of 发布 / 取消 that is in view without scrolling, and 发布 works for
 * the manager. At a phone's 390×844 all of it is as before: one column, cards.
 */
import type { Locator } from 'playwright-core'
import { chinaDay, NOTICE_PAGE_SIZE, type Notice, type NoticeRow } from '../../types/disclosure'
import type { Result } from '../../types/errors'
import type { ParkingEdition } from '../../types/parking'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }
const DAY = 86_400_000

const app = useApp({ viewport: DESKTOP })
const { openAs, shown, visible } = app

type Box = { x: number; y: number; width: number; height: number }
const box = async (l: Locator): Promise<Box> => (await l.boundingBox())!
/** `b` is right of `a` on the same line (their tops within a few px). */
function sideBySide(a: Box, b: Box): void {
  expect(Math.abs(b.y - a.y)).toBeLessThan(8)
  expect(b.x).toBeGreaterThanOrEqual(a.x + a.width - 1)
}
/** `b` is under `a`, starting at the same left edge: one column. */
function stacked(a: Box, b: Box): void {
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1)
  expect(Math.abs(b.x - a.x)).toBeLessThan(2)
}
/** Wholly inside the window, as it is without scrolling. */
function inView(b: Box, viewport = DESKTOP): void {
  expect(b.y).toBeGreaterThanOrEqual(0)
  expect(b.y + b.height).toBeLessThanOrEqual(viewport.height)
}

const rows = () => visible('notice-list-row')
const cells = (column: string) =>
  app.page
    .locator(`[data-testid="notice-list-row"]:visible [data-column="${column}"]`)
    .allInnerTexts()
/** Column headers on screen: a table's (a phone's list has none). */
const headersShown = () => app.page.locator('[role="columnheader"]:visible').count()
const sortedCopy = (xs: string[], order: 1 | -1) =>
  [...xs].sort((a, b) => (a < b ? -order : a > b ? order : 0))

/** Every notice the list holds for 李晓华, in the function's own order. */
async function everyNotice(): Promise<NoticeRow[]> {
  const out: NoticeRow[] = []
  for (let page = 0; ; page++) {
    const { rows: got, more } = await app.api<{ rows: NoticeRow[]; more: boolean }>(
      'disclosure',
      { action: 'list', page },
      'demo-handler',
    )
    out.push(...got)
    if (!more) return out
  }
}
/** The titles of page `page` of the list ordered by 有效期至, as the function answers it. */
const sortedTitles = async (order: 'asc' | 'desc', page: number) =>
  (
    await app.api<{ rows: NoticeRow[] }>(
      'disclosure',
      { action: 'list', sort: { by: 'validUntil', order }, page },
      'demo-handler',
    )
  ).rows.map((n) => n.title)

/** Notices enough for more than a page, each valid a day longer than the one before. */
const SEEDED = Array.from({ length: NOTICE_PAGE_SIZE + 2 }, (_, i) => `电脑端公示测试第${i + 1}号`)

beforeAll(async () => {
  for (const [i, title] of SEEDED.entries()) {
    const reply = await app.cloud.call<Result<Notice>>(
      'disclosure',
      {
        action: 'publish',
        category: i % 2 ? '通知公告' : '公共收益',
        title,
        content: `第${i + 1}号公示的内容。`,
        validFrom: chinaDay(Date.now()),
        validUntil: chinaDay(Date.now() + (40 - i * 3) * DAY),
        attachments: [],
        requestId: `e2e-desktop-notice-${i}`,
      },
      'demo-handler',
    )
    if (!reply.ok) throw new Error(reply.error.message)
  }
}, 60_000)

afterEach(async () => {
  await app.page.setViewportSize(DESKTOP)
})

test('信息公开 at 1280: the filters in one bar over a table of notices, a page at a time, the whole list sorted by a header', async () => {
  await openAs('demo-handler', '/pages/disclosure/index')
  await shown(rows().first())
  const headers = await app.page
    .locator('[data-testid="notice-list"]:visible [role="columnheader"]')
    .allInnerTexts()
  expect(headers.map((h) => h.replace(/[↑↓↕]/g, '').trim())).toEqual([
    '标题',
    '类别',
    '状态',
    '发布人',
    '发布日期',
    '有效期至',
    '附件',
  ])
  await expect(rows().count()).resolves.toBe(NOTICE_PAGE_SIZE)
  // No phone cards beside the table.
  await expect(visible('notice-row').count()).resolves.toBe(0)
  await expect(visible('notice-list-page').innerText()).resolves.toContain('第 1 页')

  // The figures and 发布 on one line; the state tabs and the dates on one line of the filter bar
  // (no 筛选 to unfold them), and the bar above the table.
  sideBySide(await box(visible('disclosure-stats')), await box(visible('open-publish')))
  await expect(visible('filter-toggle').count()).resolves.toBe(0)
  const tabs = await box(visible('state-tabs'))
  const from = await box(visible('filter-from'))
  expect(from.x).toBeGreaterThan(tabs.x + tabs.width)
  expect(from.y).toBeLessThan(tabs.y + tabs.height)
  const filters = await box(visible('disclosure-filters'))
  expect((await box(visible('notice-list'))).y).toBeGreaterThanOrEqual(filters.y + filters.height)
  await app.page.screenshot({ path: screenshotPath('desktop-disclosure-list.png') })

  // 有效期至 orders the whole list, not the page shown: 第 1 页 holds the notices that end first
  // of all (as the function orders them), 第 2 页 goes on from the last of them.
  const everyDay = (await everyNotice()).map((n) => n.validUntil).sort()
  expect(everyDay.length).toBeGreaterThan(NOTICE_PAGE_SIZE)
  const sortValid = visible('notice-list-sort-validUntil')
  await app.answered('disclosure', 'list', () => sortValid.click())
  await expect(sortValid.getAttribute('data-sort')).resolves.toBe('asc')
  await visible('notice-list-page').filter({ hasText: '第 1 页' }).waitFor()
  const asc = await cells('validUntil')
  expect(asc).toEqual(everyDay.slice(0, NOTICE_PAGE_SIZE))
  await expect(cells('title')).resolves.toEqual(await sortedTitles('asc', 0))
  await app.answered('disclosure', 'list', () => visible('notice-list-next').click())
  await visible('notice-list-page').filter({ hasText: '第 2 页' }).waitFor()
  const asc2 = await cells('validUntil')
  expect(asc2[0] >= asc[asc.length - 1]).toBe(true)
  expect(asc2).toEqual(everyDay.slice(NOTICE_PAGE_SIZE, 2 * NOTICE_PAGE_SIZE))
  await expect(cells('title')).resolves.toEqual(await sortedTitles('asc', 1))
  // Tapped again: the other way, from 第 1 页.
  await app.answered('disclosure', 'list', () => sortValid.click())
  await expect(sortValid.getAttribute('data-sort')).resolves.toBe('desc')
  await visible('notice-list-page').filter({ hasText: '第 1 页' }).waitFor()
  const desc = await cells('validUntil')
  expect(desc).toEqual([...everyDay].reverse().slice(0, NOTICE_PAGE_SIZE))
  expect(desc).toEqual(sortedCopy(desc, -1))
  await expect(cells('title')).resolves.toEqual(await sortedTitles('desc', 0))

  // 下一页: other notices, 第 2 页; 上一页 back.
  const first = await cells('title')
  await visible('notice-list-next').click()
  await visible('notice-list-page').filter({ hasText: '第 2 页' }).waitFor()
  await rows().first().waitFor()
  const second = await cells('title')
  expect(second.length).toBeGreaterThan(0)
  expect(second.filter((t) => first.includes(t))).toEqual([])
  await visible('notice-list-prev').click()
  await visible('notice-list-page').filter({ hasText: '第 1 页' }).waitFor()

  // A state tab filters the table.
  await visible('tab-active').click()
  await app.page.locator('[data-testid="tab-active"][data-active="true"]:visible').waitFor()
  await visible('notice-list-page').filter({ hasText: '第 1 页' }).waitFor()
  const states = await app.page
    .locator('[data-testid="notice-list-row"]:visible [data-column="state"]')
    .allInnerTexts()
  expect(new Set(states.map((s) => s.trim()))).toEqual(new Set(['公示中']))
}, 60_000)

test('a row opens the notice: its facts and 作废 / 删除 beside it, in view without scrolling', async () => {
  // The newest: on the first page.
  const title = SEEDED[SEEDED.length - 1]
  await openAs('demo-handler', '/pages/disclosure/index')
  const row = rows().filter({ hasText: title })
  await shown(row)
  await row.click()
  await app.page.waitForURL(/#\/pages\/disclosure\/detail\/index\?noticeId=/)
  await shown(visible('notice-detail'))
  await visible('detail-title').filter({ hasText: title }).waitFor()
  const body = await box(visible('detail-title'))
  const meta = await box(visible('notice-meta'))
  expect(meta.x).toBeGreaterThanOrEqual(body.x + body.width)
  await expect(visible('notice-meta').innerText()).resolves.toContain('李晓华')
  await expect(visible('detail-state').innerText()).resolves.toBe('公示中')
  inView(await box(visible('void-notice')))
  inView(await box(visible('remove-notice')))
  await app.page.screenshot({ path: screenshotPath('desktop-disclosure-detail.png') })
})

test('the publish form: category and title side by side, attachments at the right; the notice it publishes is listed', async () => {
  const title = '电脑端发布：2026年12月公共收益公示'
  await openAs('demo-handler', '/pages/disclosure/publish/index')
  await shown(visible('publish-form'))
  const category = await box(visible('field-category'))
  const titleBox = await box(visible('field-title'))
  const content = await box(visible('field-content'))
  const files = await box(visible('field-attachments'))
  sideBySide(category, titleBox)
  expect(content.y).toBeGreaterThanOrEqual(category.y + category.height)
  expect(content.width).toBeGreaterThan(category.width + titleBox.width - 1)
  expect(files.x).toBeGreaterThanOrEqual(titleBox.x + titleBox.width)
  // The content's box is tall, and typing reaches all of it.
  const textarea = await box(visible('field-content').locator('textarea'))
  expect(textarea.height).toBeGreaterThan(200)
  // 发布 at the right, as wide as its word.
  const submit = await box(visible('publish-submit').locator('.at-button'))
  const form = await box(visible('publish-form'))
  expect(submit.width).toBeLessThan(form.width / 3)
  expect(submit.x + submit.width).toBeGreaterThan(form.x + form.width - 40)
  await app.page.screenshot({ path: screenshotPath('desktop-disclosure-publish.png') })

  await visible('category-公共收益').click()
  await visible('field-title').locator('input').fill(title)
  await visible('field-content').locator('textarea').fill('12月停车场公共收益 8,600.00 元。')
  await visible('publish-submit').locator('.at-button').click()
  await visible('confirm-ok').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/detail\/index\?noticeId=/)
  await visible('detail-title').filter({ hasText: title }).waitFor()

  await openAs('demo-handler', '/pages/disclosure/index')
  const row = rows().filter({ hasText: title })
  await shown(row)
  await expect(row.locator('[data-column="category"]').innerText()).resolves.toBe('公共收益')
  await expect(row.locator('[data-column="publisher"]').innerText()).resolves.toBe('李晓华')
  await expect(row.locator('[data-column="publishedAt"]').innerText()).resolves.toBe(
    chinaDay(Date.now()),
  )
}, 60_000)

/** Types into a field of the parking form as a person does (the input events reach the page). */
async function type(path: string, text: string): Promise<void> {
  const input = visible(`field-pk-${path}`).locator('input')
  await input.fill('')
  await input.pressSequentially(text)
}
const saved = () =>
  app.page.locator('[data-testid="save-state"][data-state="saved"]:visible').waitFor()

test('车位信息 at 1280: the edition in force and the draft side by side, the history a table; the form in columns', async () => {
  await openAs('demo-handler', '/pages/parking/index')
  await shown(visible('parking-published'))
  sideBySide(await box(visible('parking-published')), await box(visible('parking-open')))
  const history = visible('parking-history-row')
  await history.first().waitFor()
  await expect(visible('history-row').count()).resolves.toBe(0)
  const heads = await app.page
    .locator('[data-testid="parking-history"]:visible [role="columnheader"]')
    .allInnerTexts()
  expect(heads.map((h) => h.replace(/[↑↓↕]/g, '').trim())).toEqual([
    '版本',
    '状态',
    '填写人',
    '提交日期',
    '发布人',
    '发布日期',
    '说明',
  ])
  await app.page.screenshot({ path: screenshotPath('desktop-parking-home.png') })

  await visible('continue-draft').locator('.at-button').click()
  await app.page.waitForURL(/#\/pages\/parking\/form\/index/)
  await shown(visible('parking-form'))
  await expect(visible('parking-form').getAttribute('data-step')).resolves.toBe('1')
  sideBySide(await box(visible('field-pk-homes')), await box(visible('field-pk-counts.total')))
  // The three pairs that sum to 车位总数, each a column with its check.
  const planned = await box(visible('group-planned'))
  const fixed = await box(visible('group-fixed'))
  const underground = await box(visible('group-underground'))
  sideBySide(planned, fixed)
  sideBySide(fixed, underground)
  await app.page.screenshot({ path: screenshotPath('desktop-parking-form.png') })

  // The fixes the draft needs, typed on the computer, and 提交.
  await type('counts.aboveGround', '76')
  await saved()
  await visible('step-2').click()
  sideBySide(
    await box(visible('field-pk-managementUnit')),
    await box(visible('field-pk-cards.issued')),
  )
  await visible('step-3').click()
  await type('chargers.count', '64')
  await visible('submit-parking').locator('.at-button').click()
  await visible('confirm-ok').click()
  await app.page.waitForURL(/#\/pages\/parking\/sheet\/index\?editionId=p-yangguang_e3/)
  await shown(visible('parking-sheet'))
  await expect(visible('sheet-status').innerText()).resolves.toBe('待发布')
}, 90_000)

test('the 公示单 at 1280: two columns under a bar of 发布 / 取消 in view; the manager publishes', async () => {
  await openAs('demo-manager', '/pages/parking/sheet/index?editionId=p-yangguang_e3')
  await shown(visible('parking-sheet'))
  const bar = visible('sheet-actions')
  inView(await box(bar))
  await expect(bar.innerText()).resolves.toContain('第3版 · 待发布')
  inView(await box(visible('publish-parking')))
  const sections = app.page.locator('[data-testid="parking-sheet"]:visible .pk-sheet__section')
  const lefts = new Set(
    (await sections.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x))).map(
      Math.round,
    ),
  )
  expect(lefts.size).toBe(2)
  await app.page.screenshot({ path: screenshotPath('desktop-parking-sheet.png') })

  // Read to its end: the bar is still in view.
  await visible('parking-sheet').locator('.pk-sheet__foot').scrollIntoViewIfNeeded()
  inView(await box(bar))

  // 取消 asks its reason in a dialog; 返回 leaves the edition as it is.
  await visible('cancel-parking').locator('.at-button').click()
  await shown(visible('reason-input'))
  await visible('reason-cancel').click()
  await visible('reason-input').waitFor({ state: 'hidden' })

  await visible('publish-parking').locator('.at-button').click()
  await visible('confirm-ok').click()
  await visible('sheet-status').filter({ hasText: '公示中' }).waitFor()
  const [e3] = await app.cloud.collection<ParkingEdition>('parking_editions', {
    _id: 'p-yangguang_e3',
  })
  expect(e3).toMatchObject({ status: 'published', publishedByName: '张建国' })

  // Home: the edition in force, and beside it the way to the next one.
  await openAs('demo-manager', '/pages/parking/index')
  await shown(visible('parking-published'))
  await expect(visible('parking-published').innerText()).resolves.toContain('第3版')
  sideBySide(await box(visible('parking-published')), await box(visible('parking-new')))
  await app.page.screenshot({ path: screenshotPath('desktop-parking-home-new.png') })
}, 60_000)

test('at a phone’s 390×844 both modules are as before: cards, one column, the bar at the bottom', async () => {
  await app.page.setViewportSize(PHONE)
  await openAs('demo-handler', '/pages/disclosure/index')
  await shown(visible('notice-row').first())
  await expect(headersShown()).resolves.toBe(0)
  await expect(visible('filter-toggle').count()).resolves.toBe(1)
  await expect(visible('filter-from').count()).resolves.toBe(0)
  stacked(await box(visible('disclosure-stats')), await box(visible('open-publish')))

  await openAs('demo-handler', '/pages/disclosure/publish/index')
  await shown(visible('publish-form'))
  stacked(await box(visible('field-category')), await box(visible('field-title')))
  const submit = await box(visible('publish-submit').locator('.at-button'))
  expect(submit.width).toBeGreaterThan(PHONE.width - 80)

  await openAs('demo-handler', '/pages/parking/index')
  await shown(visible('parking-published'))
  stacked(await box(visible('parking-published')), await box(visible('history-row').first()))
  await expect(headersShown()).resolves.toBe(0)

  await openAs('demo-manager', '/pages/parking/sheet/index?editionId=p-yangguang_e3')
  await shown(visible('parking-sheet'))
  const sections = app.page.locator('[data-testid="parking-sheet"]:visible .pk-sheet__section')
  const lefts = new Set(
    (await sections.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x))).map(
      Math.round,
    ),
  )
  expect(lefts.size).toBe(1)
  const bar = await box(visible('sheet-actions'))
  expect(bar.y + bar.height).toBeGreaterThan(PHONE.height - 4)
  inView(bar, PHONE)
}, 60_000)
