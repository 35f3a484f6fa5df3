/**
 * The bench's section for the read-mostly modules (scripts/bench.ts calls it): funds.movements
 * through the real function (HTTP, kernel, caller lookup, account check, page query and, on page
 * 0, the month's totals from its summary) on one account holding 100k movements over ten
 * years, filtered by month and direction at random pages; and the weight of the four subpackages.
 */
import type { Write } from '../server/local-cloud/store'
import { cstMonth } from '../types/display'
import { monthSummaries, type FundAccount, type FundMovement } from '../types/funds'
import {
  ascending,
  functionCaller,
  KB,
  latency,
  percentile,
  rng,
  timed,
  withBenchCloud,
} from './bench-kit'

export const FUNDS_BUDGETS = {
  /** funds.movements, a 20-row page filtered by month and/or direction, at 100k movements. */
  movementsP95Ms: 30,
  /** Each of the project, funds, transfers and credit subpackages. */
  subpackageBytes: 100 * KB,
}
const MOVEMENTS = 100_000
const YEARS = 10
const ACCOUNT = 'fa-yg-bench'

/** An account of 阳光花园 and its 100k movements, balances carried, as the ledger would hold them. */
function ledger(
  now: number,
  random: () => number,
): { writes: Write[]; months: string[]; counts: Map<string, number> } {
  const start = now - YEARS * 365 * 86_400_000
  const step = (now - start) / MOVEMENTS
  let balance = 50_000_000
  const opening = balance
  const writes: Write[] = []
  const movements: FundMovement[] = []
  const months = new Set<string>()
  /** Movements by month and by month/direction: how many pages each filter has. */
  const counts = new Map<string, number>()
  for (let i = 0; i < MOVEMENTS; i++) {
    const at = Math.floor(start + i * step + random() * step)
    const amount = 100 + Math.floor(random() * 2_000_000)
    const direction = random() < 0.55 || amount > balance ? 'in' : 'out'
    balance += direction === 'in' ? amount : -amount
    const doc: FundMovement = {
      _id: `fmb${String(i).padStart(7, '0')}`,
      accountId: ACCOUNT,
      projectId: 'p-yangguang',
      at,
      month: cstMonth(at),
      direction,
      amount,
      counterparty: direction === 'in' ? '深圳市安居物业管理有限公司' : '深圳市建工维修有限公司',
      purpose: direction === 'in' ? '临时停车收益' : '公共设施维修',
      balanceAfter: balance,
    }
    movements.push(doc)
    months.add(doc.month)
    for (const key of [doc.month, `${doc.month}/${direction}`]) {
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    writes.push({ collection: 'fund_movements', id: doc._id, doc: doc as unknown as Write['doc'] })
  }
  // The account's totals are its months' (one rule of what counts, types/funds.ts).
  const summaries = monthSummaries(movements)
  const total = (k: 'in' | 'out' | 'countIn' | 'countOut') =>
    summaries.reduce((n, month) => n + month[k], 0)
  const account: FundAccount = {
    _id: ACCOUNT,
    projectId: 'p-yangguang',
    kind: '公共收益',
    name: '深圳市南山区阳光花园业主大会（压测）',
    bank: '中国建设银行深圳科技园支行',
    accountNo: '44250100003500009999',
    opening,
    openedAt: start,
    balance,
    totalIn: total('in'),
    totalOut: total('out'),
    countIn: total('countIn'),
    countOut: total('countOut'),
    updatedAt: now,
  }
  for (const m of summaries) {
    writes.push({ collection: 'fund_months', id: m._id, doc: m as unknown as Write['doc'] })
  }
  writes.push({ collection: 'fund_accounts', id: ACCOUNT, doc: account as unknown as Write['doc'] })
  return { writes, months: [...months], counts }
}

export function fundMovementsLatency() {
  return withBenchCloud('funds', async (local) => {
    const random = rng(13)
    const { writes, months, counts } = ledger(Date.now(), random)
    local.store.apply(writes)
    const funds = functionCaller(local, 'funds', 'demo-manager')
    const call = async (event: Record<string, unknown>) => {
      const page = await funds<{ rows: unknown[] }>({
        action: 'movements',
        accountId: ACCOUNT,
        ...event,
      })
      if (!page.rows.length)
        throw new Error(`funds.movements found nothing for ${JSON.stringify(event)}`)
    }
    /** A month (and half the time a direction), at page 0 (with totals) or a page inside it. */
    const next = () => {
      const month = months[Math.floor(random() * months.length)]
      const direction = random() < 0.5 ? (random() < 0.5 ? 'in' : 'out') : undefined
      const pages = Math.ceil((counts.get(direction ? `${month}/${direction}` : month) ?? 0) / 20)
      const page = random() < 0.3 ? 0 : Math.floor(random() * Math.max(1, pages))
      return { month, ...(direction ? { direction } : {}), page }
    }
    for (let i = 0; i < 10; i++) await call(next()) // warm-up: load, JIT
    const events = Array.from({ length: 300 }, next)
    const samples = await timed(events.length, (i) => call(events[i]))
    // Page 0 also answers the month's totals (drawn among the same rounds).
    const firstPages = ascending(samples.filter((_, i) => events[i].page === 0))
    // Without a month: the account's running totals, pages deep into ten years.
    const deep = ascending(await timed(50, () => call({ page: Math.floor(random() * 500) })))
    return {
      docs: MOVEMENTS,
      months: months.length,
      ...latency(samples, FUNDS_BUDGETS.movementsP95Ms),
      page0WithTotalsP95: percentile(firstPages, 95),
      unfilteredDeepPageP95: percentile(deep, 95),
    }
  })
}

/** The four subpackages' weight, from the bench's weapp sizes. */
export function readSubpackages(subpackages: { root: string; bytes: number }[] | undefined) {
  return ['project', 'funds', 'transfers', 'credit'].map((code) => {
    const bytes = subpackages?.find((p) => p.root === `pages/${code}/`)?.bytes ?? null
    return {
      root: `pages/${code}/`,
      bytes,
      result:
        bytes === null ? 'NOT BUILT' : bytes <= FUNDS_BUDGETS.subpackageBytes ? 'PASS' : 'OVER',
    }
  })
}
