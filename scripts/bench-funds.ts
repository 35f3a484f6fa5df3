/**
 * The bench's section for the read-mostly modules (scripts/bench.ts calls it): funds.movements
 * through the real function (HTTP, kernel, caller lookup, account check, page query and, on page
 * 0, the month's totals from its summary) on one account holding 100k movements over ten
 * years, filtered by month and direction at random pages; and the weight of the four subpackages.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startLocalCloud } from '../server/local-cloud'
import type { Write } from '../server/local-cloud/store'
import { cstMonth } from '../types/display'
import { monthSummaries, type FundAccount, type FundMovement } from '../types/funds'

const KB = 1024
export const FUNDS_BUDGETS = {
  /** funds.movements, a 20-row page filtered by month and/or direction, at 100k movements. */
  movementsP95Ms: 30,
  /** Each of the project, funds, transfers and credit subpackages. */
  subpackageBytes: 100 * KB,
}
const MOVEMENTS = 100_000
const YEARS = 10
const ACCOUNT = 'fa-yg-bench'

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Number(sorted[Math.max(0, i)].toFixed(3))
}

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

/** An account of 阳光花园 and its 100k movements, balances carried, as the ledger would hold them. */
function ledger(
  now: number,
  random: () => number,
): { writes: Write[]; months: string[]; counts: Map<string, number> } {
  const start = now - YEARS * 365 * 86_400_000
  const step = (now - start) / MOVEMENTS
  let balance = 50_000_000
  const opening = balance
  const totals = { totalIn: 0, totalOut: 0, countIn: 0, countOut: 0 }
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
    if (direction === 'in') {
      totals.totalIn += amount
      totals.countIn++
    } else {
      totals.totalOut += amount
      totals.countOut++
    }
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
    ...totals,
    updatedAt: now,
  }
  for (const m of monthSummaries(movements)) {
    writes.push({ collection: 'fund_months', id: m._id, doc: m as unknown as Write['doc'] })
  }
  writes.push({ collection: 'fund_accounts', id: ACCOUNT, doc: account as unknown as Write['doc'] })
  return { writes, months: [...months], counts }
}

export async function fundMovementsLatency() {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-bench-funds-'))
  const local = await startLocalCloud({ dataDir, port: 0, synchronous: 'NORMAL' })
  try {
    const random = rng(13)
    const { writes, months, counts } = ledger(Date.now(), random)
    local.store.apply(writes)
    const call = async (event: Record<string, unknown>) => {
      const res = await fetch(new URL('api/functions/funds', local.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': 'demo-manager' },
        body: JSON.stringify({ action: 'movements', accountId: ACCOUNT, ...event }),
      })
      const reply = (await res.json()) as { ok: boolean; data?: { rows: unknown[] } }
      if (!reply.ok || !reply.data?.rows.length) {
        throw new Error(`funds.movements failed: ${JSON.stringify(reply).slice(0, 300)}`)
      }
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
    const samples: number[] = []
    const firstPages: number[] = []
    for (let i = 0; i < 300; i++) {
      const event = next()
      const started = performance.now()
      await call(event)
      const ms = performance.now() - started
      samples.push(ms)
      if (event.page === 0) firstPages.push(ms)
    }
    // Without a month: the account's running totals, pages deep into ten years.
    const deep: number[] = []
    for (let i = 0; i < 50; i++) {
      const started = performance.now()
      await call({ page: Math.floor(random() * 500) })
      deep.push(performance.now() - started)
    }
    for (const s of [samples, firstPages, deep]) s.sort((a, b) => a - b)
    const p95 = percentile(samples, 95)
    return {
      docs: MOVEMENTS,
      months: months.length,
      calls: samples.length,
      p50: percentile(samples, 50),
      p95,
      page0WithTotalsP95: percentile(firstPages, 95),
      unfilteredDeepPageP95: percentile(deep, 95),
      budget: {
        limitMs: FUNDS_BUDGETS.movementsP95Ms,
        result: p95 <= FUNDS_BUDGETS.movementsP95Ms ? 'PASS' : 'OVER',
      },
    }
  } finally {
    await local.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
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
