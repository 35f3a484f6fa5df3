/**
 * 电脑端 kit (issue 18 §5), as a computer at 1280×800 sees it on 信息综合查询: a list that names its
 * columns is a table, a page at a time (上一页 / 第 N 页 / 下一页), whose headers sort the whole
 * list (the function orders it, from its first page); a row opens its details in a dialog in the
 * middle of the screen, not a sheet from the bottom; the header marks the quick entry of the page
 * shown. At a phone's 390×844 the same list is today's cards, loaded page after page as the phone
 * scrolls.
 */
import type { MovementPage } from '../../types/funds'
import type { TrainingPage, TrainingRow, TrainingSort } from '../../types/query'
import type { TransferPage } from '../../types/transfers'
import { formatFen } from '../../types/display'
import { expectOk } from '../functions/helpers'
import { screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

const app = useApp({ viewport: DESKTOP })
const { openAs, shown, visible } = app

async function training(page: number, sort?: TrainingSort): Promise<TrainingPage> {
  const event = { action: 'training', page, sort }
  return expectOk(await app.cloud.call('query', event, 'demo-manager')) as TrainingPage
}

const table = () => visible('training-list')
const rows = () => app.page.locator('[data-testid="training-list-row"]:visible')
const column = (key: string) => rows().locator(`[data-column="${key}"]`).allInnerTexts()

async function openTraining(): Promise<void> {
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-manager', '/pages/query/index')
  await shown(visible('filing-list'))
  await app.answered('query', 'training', () => visible('tab-training').click())
  await shown(table())
}

/** The headers' texts, without the sort arrows. */
async function headers(): Promise<string[]> {
  const texts = await table().locator('[role="columnheader"]').allInnerTexts()
  return texts.map((t) => t.replace(/[↑↓↕]/g, '').trim())
}

test('a list with columns is a table at 1280×800: headers, a page at a time, 上一页 / 下一页', async () => {
  const [first, second] = [await training(0), await training(1)]
  expect(first.more).toBe(true)
  await openTraining()

  expect(await headers()).toEqual([
    '姓名',
    '身份证号码',
    '岗位',
    '小区',
    '公司名称',
    '开始时间',
    '学时',
    '结果',
  ])
  expect(await column('name')).toEqual(first.rows.map((r) => r.name))
  // The 身份证号码 as the function masked it; an empty cell reads as a dash.
  expect(await column('idNo')).toEqual(first.rows.map((r) => r.idNoMasked || '—'))
  await expect(visible('training-list-page').innerText()).resolves.toBe('第 1 页')
  await expect(visible('training-list-prev').getAttribute('aria-disabled')).resolves.toBe('true')

  // 下一页 replaces the rows with the second page; 上一页 brings the first back.
  await app.answered('query', 'training', () => visible('training-list-next').click())
  await expect(visible('training-list-page').innerText()).resolves.toBe('第 2 页')
  expect(await column('name')).toEqual(second.rows.map((r) => r.name))
  await app.answered('query', 'training', () => visible('training-list-prev').click())
  await expect(visible('training-list-page').innerText()).resolves.toBe('第 1 页')
  expect(await column('name')).toEqual(first.rows.map((r) => r.name))

  // Columns side by side: one row's cells share a line.
  const cells = rows().first().locator('[role="cell"]')
  const [a, b] = [(await cells.nth(0).boundingBox())!, (await cells.nth(1).boundingBox())!]
  expect(b.x).toBeGreaterThan(a.x + a.width - 1)
  expect(Math.abs(b.y - a.y)).toBeLessThan(4)
  await app.page.screenshot({ path: screenshotPath('desktop-table.png') })
}, 90_000)

test('a sortable header orders the whole list: 升序 from its first page, 下一页 goes on, 降序, then the list’s own order', async () => {
  // The function's whole list in its own order, and sorted by 学时 both ways (ties by _id).
  const own = await training(0)
  const everything: TrainingRow[] = []
  for (let page = 0; ; page++) {
    const res = await training(page)
    everything.push(...res.rows)
    if (!res.more) break
  }
  const byHours = (sign: number) => (x: TrainingRow, y: TrainingRow) =>
    sign * (x.totalHours - y.totalHours) || sign * (x._id < y._id ? -1 : 1)
  const asc = [...everything].sort(byHours(1))
  const desc = [...everything].sort(byHours(-1))
  const shown = (list: TrainingRow[]) => list.map((r) => `${r.name} ${r.totalHours}`)
  // What the function answers for the first pages sorted is that order.
  const sorted = async (page: number, order: 'asc' | 'desc') =>
    shown((await training(page, { by: 'totalHours', order })).rows)
  expect(await sorted(0, 'asc')).toEqual(shown(asc.slice(0, 20)))
  expect(await sorted(1, 'asc')).toEqual(shown(asc.slice(20, 40)))
  expect(await sorted(0, 'desc')).toEqual(shown(desc.slice(0, 20)))
  // The fixture's first page sorted is not the whole list's first page: sorting only the rows
  // on screen would not pass.
  expect(shown(asc.slice(0, 20))).not.toEqual(shown([...own.rows].sort(byHours(1))))
  expect(shown(desc.slice(0, 20))).not.toEqual(shown([...own.rows].sort(byHours(-1))))

  await openTraining()
  const onScreen = async () => {
    const [names, hours] = [await column('name'), await column('hours')]
    return names.map((n, i) => `${n} ${Number.parseFloat(hours[i])}`)
  }
  const page = () => visible('training-list-page').innerText()
  const header = visible('training-list-sort-hours')
  /** Taps, and tells what the page asked the function for (page and sort). */
  const tap = async (target: typeof header) => {
    const request = app.page.waitForRequest(
      (r) => r.url().endsWith('/api/functions/query') && r.postDataJSON()?.action === 'training',
    )
    await app.answered('query', 'training', () => target.click())
    const { page, sort } = (await request).postDataJSON() as { page: number; sort?: unknown }
    return { page, sort }
  }

  await expect(tap(header)).resolves.toEqual({ page: 0, sort: { by: 'totalHours', order: 'asc' } })
  await expect(header.getAttribute('data-sort')).resolves.toBe('asc')
  await expect(page()).resolves.toBe('第 1 页')
  expect(await onScreen()).toEqual(shown(asc.slice(0, 20)))
  // 下一页 goes on in that order.
  const next = visible('training-list-next')
  await expect(tap(next)).resolves.toEqual({ page: 1, sort: { by: 'totalHours', order: 'asc' } })
  await expect(page()).resolves.toBe('第 2 页')
  expect(await onScreen()).toEqual(shown(asc.slice(20, 40)))
  // 降序 starts again from the first page.
  await expect(tap(header)).resolves.toEqual({ page: 0, sort: { by: 'totalHours', order: 'desc' } })
  await expect(header.getAttribute('data-sort')).resolves.toBe('desc')
  await expect(page()).resolves.toBe('第 1 页')
  expect(await onScreen()).toEqual(shown(desc.slice(0, 20)))
  // A third tap: the list's own order, from its first page.
  await expect(tap(header)).resolves.toEqual({ page: 0, sort: undefined })
  await expect(header.getAttribute('data-sort')).resolves.toBeNull()
  await expect(page()).resolves.toBe('第 1 页')
  expect(await onScreen()).toEqual(shown(own.rows))
  // A column without a sort value has no sorting header.
  await expect(visible('training-list-sort-idNo').count()).resolves.toBe(0)
}, 90_000)

test('a row opens its details in a dialog in the middle of the screen', async () => {
  const { rows: page } = await training(0)
  await openTraining()
  await rows().first().click()
  const dialog = app.page.locator('.at-float-layout--active .at-float-layout__container')
  await dialog.getByText(page[0].name).first().waitFor()
  // Wait for the opening transition to finish: the box no longer moves.
  let box = (await dialog.boundingBox())!
  for (;;) {
    const next = (await dialog.boundingBox())!
    if (next.y === box.y && next.x === box.x) break
    box = next
  }
  const middle = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  expect(Math.abs(middle.x - DESKTOP.width / 2)).toBeLessThan(4)
  expect(Math.abs(middle.y - DESKTOP.height / 2)).toBeLessThan(4)
  expect(box.width).toBeLessThan(DESKTOP.width * 0.75)
  expect(box.y + box.height).toBeLessThan(DESKTOP.height - 40)
  // The shade covers the header and the menu too: what is outside the dialog is out of reach.
  const under = (x: number, y: number) =>
    app.page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.className, [x, y])
  await expect(under(DESKTOP.width / 2, 20)).resolves.toContain('at-float-layout__overlay')
  await expect(under(20, DESKTOP.height / 2)).resolves.toContain('at-float-layout__overlay')
  const title = (await app.page.locator('.taro-navigation-bar-show').boundingBox())!
  await expect(under(title.x + 40, title.y + title.height / 2)).resolves.toContain(
    'at-float-layout__overlay',
  )
  await app.page.screenshot({ path: screenshotPath('desktop-dialog.png') })
  // A click on the shade closes it; the header is there again.
  await app.page.mouse.click(DESKTOP.width / 2, 20)
  await app.page.locator('.at-float-layout--active').waitFor({ state: 'detached' })
  await expect(under(DESKTOP.width / 2, 20)).resolves.not.toContain('at-float-layout')
}, 90_000)

test('the header marks the quick entry of the page shown', async () => {
  await openTraining()
  const lookup = visible('desktop-entry-lookup')
  await expect(lookup.getAttribute('aria-current')).resolves.toBe('page')
  await expect(visible('desktop-entry-publish').getAttribute('aria-current')).resolves.toBeNull()
  await visible('desktop-entry-publish').click()
  await app.page.waitForURL(/#\/pages\/disclosure\/publish\/index/)
  await app.page
    .locator('[data-testid="desktop-entry-publish"][aria-current="page"]:visible')
    .waitFor()
  await expect(lookup.getAttribute('aria-current')).resolves.toBeNull()

  // 信息公开查询 › 企业人员培训结果 opens 信息综合查询 on that part.
  await lookup.hover()
  await visible('desktop-link-training').click()
  await app.page.waitForURL(/#\/pages\/query\/index\?part=training/)
  await app.page.locator('[data-testid="tab-training"][data-active="true"]:visible').waitFor()
  await shown(table())
}, 90_000)

test('at a phone’s 390×844 the same list is cards, the next page added at the bottom', async () => {
  const [first, second] = [await training(0), await training(1)]
  await openTraining()
  await app.page.setViewportSize(PHONE)
  const cards = app.page.locator('[data-testid="training-row"]:visible')
  await cards.first().waitFor()
  await expect(app.page.locator('.paged-table:visible').count()).resolves.toBe(0)
  await expect(cards.count()).resolves.toBe(first.rows.length)
  await app.answered('query', 'training', () => visible('training-list-more').click())
  // The second page follows the first (the phone may go on to a third as it scrolls).
  const names = async () =>
    (await cards.locator('.trainee__name').allInnerTexts()).slice(0, 40).map((t) => t.trim())
  expect(await names()).toEqual([...first.rows, ...second.rows].map((r) => r.name))
  await app.page.setViewportSize(DESKTOP)
}, 90_000)

/** The table `testId`'s headers, without the sort arrows. */
async function headersOf(testId: string): Promise<string[]> {
  await app.page.locator(`[data-testid="${testId}-row"]:visible`).first().waitFor()
  const texts = await visible(testId).locator('[role="columnheader"]').allInnerTexts()
  return texts.map((t) => t.replace(/[↑↓↕]/g, '').trim())
}

test('大额资金转账 and an account’s 收支 are tables too; 金额 sorts, a transfer’s row opens it', async () => {
  await app.page.setViewportSize(DESKTOP)
  const all = expectOk(
    await app.cloud.call('transfers', { action: 'list' }, 'demo-manager'),
  ) as TransferPage
  await openAs('demo-manager', '/pages/transfers/index')
  expect(await headersOf('transfers')).toEqual([
    '用途',
    '账户',
    '决定',
    '收款单位',
    '转账日期',
    '公示期',
    '金额',
  ])
  const amounts = () =>
    app.page.locator('[data-testid="transfers-row"]:visible [data-column="amount"]').allInnerTexts()
  // Each tap asks the function again; the rows on screen are its answer.
  const header = visible('transfers-sort-amount')
  await app.answered('transfers', 'list', () => header.click())
  await app.answered('transfers', 'list', () => header.click())
  await expect(header.getAttribute('data-sort')).resolves.toBe('desc')
  const sorted = expectOk(
    await app.cloud.call(
      'transfers',
      { action: 'list', sort: { by: 'amount', order: 'desc' } },
      'demo-manager',
    ),
  ) as TransferPage
  const biggest = sorted.rows[0]
  expect(biggest.amount).toBe(Math.max(...all.rows.map((r) => r.amount)))
  expect(await amounts()).toEqual(sorted.rows.map((r) => formatFen(r.amount)))
  await app.page.locator('[data-testid="transfers-row"]:visible').first().click()
  await app.page.waitForURL(new RegExp(`transferId=${biggest._id}`))

  const movements = expectOk(
    await app.cloud.call(
      'funds',
      { action: 'movements', accountId: 'fa-yg-income' },
      'demo-manager',
    ),
  ) as MovementPage
  await openAs('demo-manager', '/pages/funds/account/index?accountId=fa-yg-income')
  expect(await headersOf('movements')).toEqual(['时间', '摘要', '收支', '对方户名', '金额', '余额'])
  await expect(
    app.page
      .locator('[data-testid="movements-row"]:visible [data-column="balance"]')
      .allInnerTexts(),
  ).resolves.toEqual(movements.rows.map((m) => formatFen(m.balanceAfter)))
  // 金额 orders the account's movements by size, 收入 and 支出 alike, as its cells show them
  // (no sign: 收支 says which way): 降序 begins with the biggest of the whole account.
  const bySize = expectOk(
    await app.cloud.call(
      'funds',
      { action: 'movements', accountId: 'fa-yg-income', sort: { by: 'amount', order: 'desc' } },
      'demo-manager',
    ),
  ) as MovementPage
  const sortAmount = visible('movements-sort-amount')
  await app.answered('funds', 'movements', () => sortAmount.click())
  await app.answered('funds', 'movements', () => sortAmount.click())
  await expect(sortAmount.getAttribute('data-sort')).resolves.toBe('desc')
  await expect(
    app.page
      .locator('[data-testid="movements-row"]:visible [data-column="amount"]')
      .allInnerTexts(),
  ).resolves.toEqual(bySize.rows.map((m) => formatFen(m.amount)))
  expect(new Set(bySize.rows.map((m) => m.direction))).toEqual(new Set(['in', 'out']))
}, 90_000)

test('a header that could order only the rows on screen is offered only when they are the whole list', async () => {
  await app.page.setViewportSize(DESKTOP)
  await openAs('demo-manager', '/pages/query/index')
  await app.page.locator('[data-testid="filing-list-row"]:visible').first().waitFor()
  // 备案 runs to many pages: 备案日期 sorts them all (the function does); 项目 could order only
  // this page, so its header does not sort.
  await expect(visible('filing-list-next').getAttribute('aria-disabled')).resolves.toBe('false')
  await expect(visible('filing-list-sort-filedAt').count()).resolves.toBe(1)
  await expect(visible('filing-list-sort-project').count()).resolves.toBe(0)
  // One page of to-dos: every row is on screen, so 截止日期 orders them all.
  await openAs('demo-manager', '/pages/todos/index')
  await app.page.locator('[data-testid="todos-list-row"]:visible').first().waitFor()
  await expect(visible('todos-list-next').count()).resolves.toBe(0)
  const due = visible('todos-list-sort-due')
  await due.click()
  await expect(due.getAttribute('data-sort')).resolves.toBe('asc')
}, 90_000)
