/**
 * 共有资金情况 through the real funds function: the project's accounts with masked numbers and
 * exact balances; movements paged newest first, filtered by month and direction, with totals that
 * add up to the cent (page 0), and a balance chain from the opening balance to today's; another
 * project's account is not found, another project is refused, a manager of two switches by
 * projectId; every movement once in the order a computer's table header asks for (时间, 金额).
 */
import {
  FundsContract,
  type FundAccount,
  type FundAccountView,
  type FundMonth,
  type FundMovement,
  type FundTotals,
  type MovementSort,
} from '../../types/funds'
import { expectError, expectOk, caller } from './helpers'
import { allPages, allRows, bindRegistered } from './registered'
import { fileCloud } from './setup'

const cloud = fileCloud()
const funds = caller(cloud, FundsContract, 'demo-manager')
const movements = (accountId: string, filter: Record<string, unknown> = {}, openid?: string) =>
  allRows<FundMovement>((page) => funds('movements', { accountId, ...filter, page }, openid))

const sum = (rows: FundMovement[], d: 'in' | 'out') =>
  rows.filter((m) => m.direction === d).reduce((n, m) => n + m.amount, 0)

describe('accounts', () => {
  it('lists the project’s accounts by kind, numbers masked, balances exact', async () => {
    const { rows, total } = expectOk(await funds('accounts', {}))
    const raw = await cloud.collection<FundAccount>('fund_accounts', { projectId: 'p-yangguang' })
    expect(rows.map((a: FundAccountView) => a.kind)).toEqual([
      '公共收益',
      '专项维修资金',
      '业主大会工作经费',
    ])
    for (const a of rows as FundAccountView[]) {
      expect(a.accountNo).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/)
      const full = raw.find((r) => r._id === a._id)!
      expect(a.accountNo.slice(-4)).toBe(full.accountNo.slice(-4))
      expect(Number.isInteger(a.balance)).toBe(true)
      expect(a.balance).toBe(a.opening + a.totalIn - a.totalOut)
    }
    expect(total).toBe(raw.reduce((n, a) => n + a.balance, 0))
    const text = JSON.stringify(rows)
    for (const a of raw) expect(text).not.toContain(a.accountNo)
  })

  it('shows a project without accounts as empty, and another project only to its own', async () => {
    const zhou = await bindRegistered(cloud, 'zhou')
    expect(expectOk(await funds('accounts', { projectId: 'p-cuihu' }, zhou))).toEqual({
      rows: [],
      total: 0,
    })
    const theirs = expectOk(await funds('accounts', {}, 'demo-manager2'))
    expect(theirs.rows.map((a: FundAccountView) => a.projectId)).toEqual(['p-haibin', 'p-haibin'])
    expectError(await funds('accounts', { projectId: 'p-yangguang' }, 'demo-manager2'), 'FORBIDDEN')
    expectError(await funds('accounts', {}, 'demo-handler'), 'MODULE_NOT_GRANTED')
  })
})

describe('movements', () => {
  it('pages every movement newest first, 20 a page, with the account’s totals on page 0', async () => {
    const pages = await allPages<FundMovement>((page) =>
      funds('movements', { accountId: 'fa-yg-income', page }),
    )
    expect(pages.length).toBeGreaterThan(3)
    expect(pages.slice(0, -1).every((p) => p.length === 20)).toBe(true)
    const rows = pages.flat()
    const at = rows.map((m) => m.at)
    expect(at).toEqual([...at].sort((a, b) => b - a))
    expect(new Set(rows.map((m) => m._id)).size).toBe(rows.length)

    const first = expectOk(await funds('movements', { accountId: 'fa-yg-income' }))
    const totals: FundTotals = first.totals!
    expect(totals).toEqual({ in: sum(rows, 'in'), out: sum(rows, 'out'), count: rows.length })
    const second = expectOk(await funds('movements', { accountId: 'fa-yg-income', page: 1 }))
    expect(second.totals).toBeNull()

    // The balance chain: opening + each movement = the next balance, ending at today's balance.
    const account: FundAccountView = first.account
    let balance = account.opening
    for (const m of [...rows].reverse()) {
      balance += m.direction === 'in' ? m.amount : -m.amount
      expect(m.balanceAfter).toBe(balance)
      expect(Number.isInteger(m.amount) && m.amount > 0).toBe(true)
    }
    expect(balance).toBe(account.balance)
  })

  it('filters by month (and direction) with totals summed to the cent', async () => {
    const all = await movements('fa-yg-income')
    const months = [...new Set(all.map((m) => m.month))]
    expect(months.length).toBeGreaterThan(24)
    let inSum = 0
    let outSum = 0
    for (const month of months.slice(0, 6)) {
      const rows = await movements('fa-yg-income', { month })
      expect(rows.map((m) => m._id)).toEqual(all.filter((m) => m.month === month).map((m) => m._id))
      const page0 = expectOk(await funds('movements', { accountId: 'fa-yg-income', month }))
      expect(page0.totals).toEqual({
        in: sum(rows, 'in'),
        out: sum(rows, 'out'),
        count: rows.length,
      })
      inSum += page0.totals!.in
      outSum += page0.totals!.out
      const outs = await movements('fa-yg-income', { month, direction: 'out' })
      expect(outs.every((m) => m.direction === 'out' && m.month === month)).toBe(true)
      const outTotals = expectOk(
        await funds('movements', { accountId: 'fa-yg-income', month, direction: 'out' }),
      ).totals
      expect(outTotals).toEqual({ in: 0, out: sum(rows, 'out'), count: outs.length })
    }
    expect(inSum).toBe(
      sum(
        all.filter((m) => months.slice(0, 6).includes(m.month)),
        'in',
      ),
    )
    expect(outSum).toBe(
      sum(
        all.filter((m) => months.slice(0, 6).includes(m.month)),
        'out',
      ),
    )

    const ins = expectOk(await funds('movements', { accountId: 'fa-yg-income', direction: 'in' }))
    expect(ins.totals).toEqual({
      in: sum(all, 'in'),
      out: 0,
      count: all.filter((m) => m.direction === 'in').length,
    })
    // Every month's summary holds its movements' totals.
    const summaries = await cloud.collection<FundMonth>('fund_months', {
      accountId: 'fa-yg-income',
    })
    expect(summaries.map((m) => m.month).sort()).toEqual([...months].sort())
    for (const m of summaries) {
      const rows = all.filter((x) => x.month === m.month)
      const count = (d: string) => rows.filter((x) => x.direction === d).length
      expect(m).toMatchObject({
        in: sum(rows, 'in'),
        out: sum(rows, 'out'),
        countIn: count('in'),
        countOut: count('out'),
      })
    }
    const empty = expectOk(
      await funds('movements', { accountId: 'fa-yg-income', month: '2001-01' }),
    )
    expect(empty).toMatchObject({ rows: [], more: false, totals: { in: 0, out: 0, count: 0 } })
  })

  it('refuses a month that is not one', async () => {
    for (const month of ['2026-13', '2026-6', '202606', '2026-06-01']) {
      const reply = await funds('movements', { accountId: 'fa-yg-income', month })
      expectError(reply, 'BAD_INPUT')
      expect(reply.ok ? {} : reply.error.fields).toHaveProperty('month')
    }
  })

  it('does not open another project’s account, whoever names it', async () => {
    expectError(await funds('movements', { accountId: 'fa-hb-income' }), 'NOT_FOUND')
    expectError(
      await funds('movements', { accountId: 'fa-yg-income' }, 'demo-manager2'),
      'NOT_FOUND',
    )
    expectError(
      await funds(
        'movements',
        { accountId: 'fa-yg-income', projectId: 'p-yangguang' },
        'demo-manager2',
      ),
      'FORBIDDEN',
    )
  })

  it('follows the project a manager of two chooses', async () => {
    const liu = await bindRegistered(cloud, 'liu')
    const yg = expectOk(await funds('accounts', { projectId: 'p-yangguang' }, liu))
    const hb = expectOk(await funds('accounts', { projectId: 'p-haibin' }, liu))
    expect(yg.rows.map((a: FundAccountView) => a._id)).toContain('fa-yg-income')
    expect(hb.rows.map((a: FundAccountView) => a._id)).toEqual(['fa-hb-income', 'fa-hb-repair'])
    const inHaibin = { projectId: 'p-haibin' }
    expect((await movements('fa-hb-repair', inHaibin, liu)).length).toBeGreaterThan(10)
    expectError(
      await funds('movements', { accountId: 'fa-yg-income', ...inHaibin }, liu),
      'NOT_FOUND',
    )
  })
})

describe('movements sorted on request (a computer’s table header)', () => {
  type Order = 'asc' | 'desc'
  /** `rows` by `value`, ties by `_id`, both one way: the order the function promises. */
  const by = (rows: FundMovement[], value: (m: FundMovement) => number, order: Order) =>
    [...rows].sort((a, b) => {
      const sign = order === 'asc' ? 1 : -1
      if (value(a) !== value(b)) return sign * (value(a) - value(b))
      return sign * (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
    })
  const VALUES = { at: (m: FundMovement) => m.at, amount: (m: FundMovement) => m.amount }
  const ids = (rows: FundMovement[]) => rows.map((m) => m._id)

  it('reads every movement once, page after page, by 时间 or 金额 either way', async () => {
    const own = await movements('fa-yg-income')
    expect(own.length).toBeGreaterThan(60)
    // The sizes repeat, so pages rely on the tie-break not to repeat or skip a movement.
    expect(new Set(own.map((m) => m.amount)).size).toBeLessThan(own.length)
    for (const key of ['at', 'amount'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const sort: MovementSort = { by: key, order }
        const got = await movements('fa-yg-income', { sort })
        expect({ sort, ids: ids(got) }).toEqual({ sort, ids: ids(by(own, VALUES[key], order)) })
      }
    }
    // 金额 is a movement's size, whichever its direction: 支出 and 收入 are mixed by size, not
    // every 收入 before every 支出 as a signed amount would order them.
    const biggest = await movements('fa-yg-income', { sort: { by: 'amount', order: 'desc' } })
    expect(biggest[0].amount).toBe(Math.max(...own.map((m) => m.amount)))
    const firstOut = biggest.findIndex((m) => m.direction === 'out')
    const lastIn = biggest.map((m) => m.direction).lastIndexOf('in')
    expect(firstOut).toBeLessThan(lastIn)
  })

  it('keeps the month, the direction and the totals when sorted', async () => {
    const all = await movements('fa-yg-income')
    const month = all[Math.floor(all.length / 2)].month
    for (const filter of [
      { month },
      { direction: 'out' as const },
      { month, direction: 'in' as const },
    ]) {
      const own = await movements('fa-yg-income', filter)
      const plain = expectOk(await funds('movements', { accountId: 'fa-yg-income', ...filter }))
      for (const order of ['asc', 'desc'] as const) {
        const sort: MovementSort = { by: 'amount', order }
        const got = await movements('fa-yg-income', { ...filter, sort })
        expect({ filter, order, ids: ids(got) }).toEqual({
          filter,
          order,
          ids: ids(by(own, VALUES.amount, order)),
        })
        const page0 = expectOk(
          await funds('movements', { accountId: 'fa-yg-income', ...filter, sort, page: 0 }),
        )
        expect(page0.totals).toEqual(plain.totals)
      }
    }
  })

  it('refuses a sort it does not offer, whatever its shape', async () => {
    const bad: unknown[] = [
      { by: 'balanceAfter', order: 'asc' },
      { by: 'at', order: 'newest' },
      { by: 'at', order: 'asc', then: '_id' },
      { order: 'asc' },
      'at',
      { by: { $exists: true }, order: 'desc' },
    ]
    for (const sort of bad) {
      const reply = await funds.raw({ action: 'movements', accountId: 'fa-yg-income', sort })
      expectError(reply, 'BAD_INPUT')
      const fields = reply.ok ? {} : (reply.error.fields ?? {})
      expect(Object.keys(fields).some((k) => k === 'sort' || k.startsWith('sort.'))).toBe(true)
    }
  })
})
