/**
 * A table's header orders the whole list, not the page on screen (issue 18 §5), at 1280×800 on
 * 大额资金转账: 金额 ascending shows on 第 1 页 the smallest transfers of all, 第 2 页 goes on
 * from the last of them, the totals stay the filter's; tapped again, the largest of all come
 * first. 转账日期 ascending starts from the oldest. At a phone's 390×844 the list is the cards, in
 * the list's own order (newest first), asked for without a sort.
 */
import { formatFen } from '../../types/display'
import {
  TRANSFERS_PAGE_SIZE,
  type TransferPage,
  type TransferRow,
  type TransferSort,
} from '../../types/transfers'
import { CallLog } from '../support/pages'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

const log = new CallLog()
const app = useApp({ viewport: DESKTOP, log })
const { openAs, shown, visible } = app

const list = (event: object) =>
  app.api<TransferPage>('transfers', { action: 'list', ...event }, 'demo-manager')

/** Every transfer of 阳光花园, in the list's own order. */
async function everyTransfer(): Promise<TransferRow[]> {
  const out: TransferRow[] = []
  for (let page = 0; ; page++) {
    const { rows, more } = await list({ page })
    out.push(...rows)
    if (!more) return out
  }
}

const column = (key: string) =>
  app.page.locator(`[data-testid="transfers-row"]:visible [data-column="${key}"]`).allInnerTexts()
const onPage = (n: number) =>
  visible('transfers-page')
    .filter({ hasText: `第 ${n} 页` })
    .waitFor()
/** A header's tap: resolves once the list's answer is on screen. */
const tapHeader = (key: string) =>
  app.answered('transfers', 'list', () => visible(`transfers-sort-${key}`).click())

afterEach(async () => {
  await app.page.setViewportSize(DESKTOP)
})

test('金额 orders all the transfers: 第 1 页 the smallest of all, 第 2 页 on from there, the same totals', async () => {
  const all = await everyTransfer()
  expect(all.length).toBeGreaterThan(TRANSFERS_PAGE_SIZE)
  const sum = formatFen(all.reduce((n, t) => n + t.amount, 0))
  const amounts = all.map((t) => t.amount).sort((a, b) => a - b)
  const fen = (xs: number[]) => xs.map(formatFen)
  /** Page `page`'s amounts as the function orders them. */
  const sorted = async (sort: TransferSort, page: number) =>
    (await list({ sort, page })).rows.map((t) => t.amount)
  const asc = { by: 'amount', order: 'asc' } as const

  await openAs('demo-manager', '/pages/transfers/index')
  await shown(visible('transfers-row').first())
  await visible('transfer-totals').filter({ hasText: sum }).waitFor()

  await tapHeader('amount')
  await expect(visible('transfers-sort-amount').getAttribute('data-sort')).resolves.toBe('asc')
  await onPage(1)
  const first = await sorted(asc, 0)
  await expect(column('amount')).resolves.toEqual(fen(first))
  expect(first).toEqual(amounts.slice(0, TRANSFERS_PAGE_SIZE))
  // The totals are the filter's, whatever the order.
  await expect(visible('transfer-totals').innerText()).resolves.toContain(sum)

  await app.answered('transfers', 'list', () => visible('transfers-next').click())
  await onPage(2)
  const second = await sorted(asc, 1)
  await expect(column('amount')).resolves.toEqual(fen(second))
  expect(second[0]).toBeGreaterThanOrEqual(first[first.length - 1])
  expect(second).toEqual(amounts.slice(TRANSFERS_PAGE_SIZE, 2 * TRANSFERS_PAGE_SIZE))

  // Again: the largest of all first, from 第 1 页.
  await tapHeader('amount')
  await expect(visible('transfers-sort-amount').getAttribute('data-sort')).resolves.toBe('desc')
  await onPage(1)
  await expect(column('amount')).resolves.toEqual(
    fen([...amounts].reverse().slice(0, TRANSFERS_PAGE_SIZE)),
  )
  const asked = log.of('transfers', 'list').map((c) => c.event.sort)
  expect(asked).toContainEqual({ by: 'amount', order: 'asc' })
  expect(asked).toContainEqual({ by: 'amount', order: 'desc' })

  // 转账日期 ascending: the oldest transfer of all first.
  await tapHeader('at')
  await expect(visible('transfers-sort-at').getAttribute('data-sort')).resolves.toBe('asc')
  await expect(visible('transfers-sort-amount').getAttribute('data-sort')).resolves.toBe(null)
  const oldest = await list({ sort: { by: 'at', order: 'asc' } })
  await expect(column('purpose')).resolves.toEqual(oldest.rows.map((t) => t.purpose))
  expect(oldest.rows[0].at).toBe(Math.min(...all.map((t) => t.at)))
}, 60_000)

test('at a phone’s 390×844 the transfers are cards in the list’s own order, asked without a sort', async () => {
  await app.page.setViewportSize(PHONE)
  const newest = (await list({})).rows[0]
  await openAs('demo-manager', '/pages/transfers/index')
  await shown(visible('transfer').first())
  await expect(app.page.locator('[role="columnheader"]:visible').count()).resolves.toBe(0)
  await expect(visible('transfer').first().getAttribute('data-transfer-id')).resolves.toBe(
    newest._id,
  )
  const calls = log.of('transfers', 'list')
  expect(calls.length).toBeGreaterThan(0)
  expect(calls.every((c) => c.event.sort === undefined)).toBe(true)
})
