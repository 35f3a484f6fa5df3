/**
 * 大额资金转账 through the real transfers function: the published transfers newest first (or by
 * date or amount, either way, the whole list page after page), 20 a page, each the large
 * movement out of a fund account it records; date filters by whole days of China Standard Time
 * and amount filters in fen, both ends included, with totals to the cent whatever the order;
 * details with the payee's account masked; another project's transfer is not found.
 */
import { cstDate, cstDayStart } from '../../types/display'
import type { FundMovement } from '../../types/funds'
import {
  TransfersContract,
  LARGE_TRANSFER_FEN,
  TRANSFER_SORTS,
  type Transfer,
  type TransferRow,
  type TransferSort,
} from '../../types/transfers'
import { expectError, expectOk, caller } from './helpers'
import { allPages, allRows, bindRegistered } from './registered'
import { fileCloud } from './setup'

const cloud = fileCloud()
const transfers = caller(cloud, TransfersContract, 'demo-manager')
const listAll = (filter: Record<string, unknown> = {}, openid?: string) =>
  allRows<TransferRow>((page) => transfers('list', { ...filter, page }, openid))
const total = (rows: TransferRow[]) => rows.reduce((n, t) => n + t.amount, 0)

let all: TransferRow[]

beforeAll(async () => {
  all = await listAll()
}, 60_000)

it('pages the project’s transfers newest first, with count and sum on page 0', async () => {
  expect(all.length).toBeGreaterThan(20)
  const first = expectOk(await transfers('list', {}))
  expect(first.rows).toHaveLength(20)
  expect(first.more).toBe(true)
  expect(first.totals).toEqual({ count: all.length, amount: total(all) })
  expect(expectOk(await transfers('list', { page: 1 })).totals).toBeNull()
  const at = all.map((t) => t.at)
  expect(at).toEqual([...at].sort((a, b) => b - a))
  expect(all.every((t) => t.amount >= LARGE_TRANSFER_FEN && Number.isInteger(t.amount))).toBe(true)
})

it('records exactly the large movements out of the project’s fund accounts', async () => {
  const outs = await cloud.collection<FundMovement>('fund_movements', {
    projectId: 'p-yangguang',
    direction: 'out',
    amount: { $gte: LARGE_TRANSFER_FEN },
  })
  const key = (x: { at: number; amount: number; purpose: string }) =>
    `${x.at}/${x.amount}/${x.purpose}`
  expect(all.map(key).sort()).toEqual(outs.map(key).sort())
})

it('filters by whole days, both ends included', async () => {
  const pick = all[5]
  const day = cstDate(pick.at)
  const sameDay = await listAll({ from: day, to: day })
  expect(sameDay.map((t) => t._id)).toContain(pick._id)
  expect(sameDay.every((t) => cstDate(t.at) === day)).toBe(true)

  const from = cstDate(all[all.length - 1].at)
  const to = cstDate(all[10].at)
  const range = await listAll({ from, to })
  const want = all.filter((t) => t.at >= cstDayStart(from) && t.at < cstDayStart(to) + 86_400_000)
  expect(range.map((t) => t._id)).toEqual(want.map((t) => t._id))
  const page0 = expectOk(await transfers('list', { from, to }))
  expect(page0.totals).toEqual({ count: want.length, amount: total(want) })
  expect(await listAll({ from: '2001-01-01', to: '2001-12-31' })).toEqual([])
})

it('filters by amount in fen, both ends included, totals to the cent', async () => {
  const exact = all[3].amount
  const hit = await listAll({ minAmount: exact, maxAmount: exact })
  expect(hit.map((t) => t._id)).toEqual(all.filter((t) => t.amount === exact).map((t) => t._id))
  const min = 10_000_000
  const max = 30_000_000
  const mid = await listAll({ minAmount: min, maxAmount: max })
  const want = all.filter((t) => t.amount >= min && t.amount <= max)
  expect(mid.map((t) => t._id)).toEqual(want.map((t) => t._id))
  const page0 = expectOk(await transfers('list', { minAmount: min, maxAmount: max }))
  expect(page0.totals).toEqual({ count: want.length, amount: total(want) })
  const over = await listAll({ minAmount: min })
  expect(over.map((t) => t._id)).toEqual(all.filter((t) => t.amount >= min).map((t) => t._id))
})

describe('in a table’s order', () => {
  /** `rows` as the function should order them: by the field, ties by _id, one direction. */
  const inOrder = (rows: TransferRow[], { by, order }: TransferSort) => {
    const cmp = <V>(x: V, y: V) => (x < y ? -1 : x > y ? 1 : 0)
    const sign = order === 'asc' ? 1 : -1
    return [...rows].sort((a, b) => sign * (cmp(a[by], b[by]) || cmp(a._id, b._id)))
  }
  const ids = (rows: TransferRow[]) => rows.map((t) => t._id)

  it.each(
    TRANSFER_SORTS.flatMap((by) => (['asc', 'desc'] as const).map((order) => ({ by, order }))),
  )(
    'by $by $order: page after page the whole list in that order, each once, the same totals',
    async (sort) => {
      const pages = await allPages<TransferRow>((page) => transfers('list', { sort, page }))
      expect(pages.length).toBeGreaterThan(1)
      const rows = pages.flat()
      expect(ids(rows)).toEqual(ids(inOrder(all, sort)))
      expect(new Set(ids(rows)).size).toBe(all.length)
      // The totals are the filter's, whatever the order.
      const page0 = expectOk(await transfers('list', { sort }))
      expect(page0.totals).toEqual({ count: all.length, amount: total(all) })
      expect(expectOk(await transfers('list', { sort, page: 1 })).totals).toBeNull()
    },
  )

  it('keeps the date and amount filters with a sort, and their totals', async () => {
    const sort = { by: 'amount', order: 'desc' } as const
    const from = cstDate(all[all.length - 1].at)
    const to = cstDate(all[10].at)
    const minAmount = 10_000_000
    const filter = { from, to, minAmount }
    const want = all.filter(
      (t) =>
        t.at >= cstDayStart(from) && t.at < cstDayStart(to) + 86_400_000 && t.amount >= minAmount,
    )
    expect(want.length).toBeGreaterThan(0)
    expect(ids(await listAll({ ...filter, sort }))).toEqual(ids(inOrder(want, sort)))
    const page0 = expectOk(await transfers('list', { ...filter, sort }))
    expect(page0.totals).toEqual({ count: want.length, amount: total(want) })
  })

  it('refuses a sort it does not know, with no rows', async () => {
    const cases: unknown[] = [
      { by: 'payee', order: 'asc' },
      { by: 'amount', order: 'DESC' },
      { order: 'asc' },
      { by: 'at', order: 'desc', page: 1 },
      { by: { $gt: '' }, order: 'asc' },
      ['at', 'desc'],
    ]
    for (const sort of cases) {
      const reply = await transfers.raw({ action: 'list', sort })
      expectError(reply, 'BAD_INPUT')
      expect({ sort, data: (reply as { data?: unknown }).data }).toEqual({ sort, data: undefined })
      expect(Object.keys(!reply.ok && reply.error.fields ? reply.error.fields : {})).toEqual([
        expect.stringMatching(/^sort(\.|$)/),
      ])
    }
  })
})

it('refuses filters that contradict themselves or are not dates and amounts', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ from: '2026-06-01', to: '2026-05-31' }, 'to'],
    [{ minAmount: 200, maxAmount: 100 }, 'maxAmount'],
    [{ from: '2026-02-30' }, 'from'],
    [{ to: '2026/05/01' }, 'to'],
    [{ minAmount: 12.5 }, 'minAmount'],
    [{ maxAmount: -1 }, 'maxAmount'],
  ]
  for (const [filter, field] of cases) {
    const reply = await transfers('list', { ...filter })
    expectError(reply, 'BAD_INPUT')
    expect({ filter, fields: reply.ok ? {} : reply.error.fields }).toMatchObject({
      filter,
      fields: { [field]: expect.any(String) },
    })
  }
})

it('shows a transfer’s details with the payee’s account masked, only to its project', async () => {
  const detail: Transfer = expectOk(await transfers('detail', { transferId: all[0]._id }))
  const [raw] = await cloud.collection<Transfer>('transfers', { _id: all[0]._id })
  expect(detail).toEqual({ ...raw, payeeAccount: `**** **** **** ${raw.payeeAccount.slice(-4)}` })
  expect(JSON.stringify(detail)).not.toContain(raw.payeeAccount)
  expect(detail.approval.by).toMatch(/业主大会|业主委员会/)
  expect(detail.publicity.from <= detail.publicity.to).toBe(true)

  const theirs = expectOk(await transfers('list', {}, 'demo-manager2')).rows as TransferRow[]
  expect(theirs.length).toBeGreaterThan(0)
  expectError(await transfers('detail', { transferId: theirs[0]._id }), 'NOT_FOUND')
  expectError(await transfers('list', { projectId: 'p-yangguang' }, 'demo-manager2'), 'FORBIDDEN')
  expectError(await transfers('list', {}, 'demo-handler'), 'MODULE_NOT_GRANTED')
})

it('follows the project a manager of two chooses; a project without transfers is empty', async () => {
  const liu = await bindRegistered(cloud, 'liu')
  const hb = await listAll({ projectId: 'p-haibin' }, liu)
  expect(hb.length).toBeGreaterThan(0)
  expect(hb.map((t) => t._id)).not.toContain(all[0]._id)
  const zhou = await bindRegistered(cloud, 'zhou')
  expect(expectOk(await transfers('list', { projectId: 'p-cuihu' }, zhou))).toEqual({
    rows: [],
    more: false,
    totals: { count: 0, amount: 0 },
  })
})
