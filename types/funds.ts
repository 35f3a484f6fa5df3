import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId, monthField, sortField, type ListSort } from './fields'

/**
 * 共有资金情况 (manual §5; 深圳经济特区物业管理条例 chapter 6): the accounts holding the owners'
 * common funds — 公共收益 (parking, advertising, venue income), 专项维修资金 collected with the fees
 * (日常收取), 业主大会 / 业委会 working funds — with their balances and movements. Money is in fen
 * (integers) everywhere; an account's balance is its opening balance plus every movement in,
 * minus every movement out, to the cent, and each month's totals are those of its movements.
 */
export const FUND_KINDS = ['公共收益', '专项维修资金', '业主大会工作经费'] as const
export type FundKind = (typeof FUND_KINDS)[number]

/** An account of the project's common funds, in collection `fund_accounts`. */
export interface FundAccount {
  _id: string
  projectId: string
  kind: FundKind
  /** 户名: whose account it is (阳光花园业主大会 …). */
  name: string
  bank: string
  /** The full number as the bank gives it; answers carry it masked (last 4 digits). */
  accountNo: string
  /** Fen. 期初余额 when the platform began recording. */
  opening: number
  openedAt: number
  /** Fen: opening + totalIn − totalOut. */
  balance: number
  totalIn: number
  totalOut: number
  /** How many movements in and out (with the totals: a filter without a month needs no sum). */
  countIn: number
  countOut: number
  /** The last movement's time (最后更新). */
  updatedAt: number
}

export type Direction = 'in' | 'out'
export const DIRECTION_LABELS: Record<Direction, string> = { in: '收入', out: '支出' }

/** One movement of an account, in collection `fund_movements`. */
export interface FundMovement {
  _id: string
  accountId: string
  projectId: string
  at: number
  /** 2026-05 (China Standard Time) of `at`: the month filter. */
  month: string
  direction: Direction
  /** Fen, > 0; the direction says which way. */
  amount: number
  /** 对方户名. */
  counterparty: string
  /** 摘要 / 用途. */
  purpose: string
  /** Fen: the account's balance after this movement. */
  balanceAfter: number
}

/**
 * A month of an account (`_id` = accountId_month), in collection `fund_months`: its totals, kept
 * with the movements (seed, import) so a month's totals are one read however busy the month.
 */
export interface FundMonth {
  _id: string
  accountId: string
  projectId: string
  month: string
  /** Fen. */
  in: number
  out: number
  countIn: number
  countOut: number
}

export const fundMonthId = (accountId: string, month: string) => `${accountId}_${month}`

/** The month summaries of an account's movements (for the seed, the import and the bench). */
export function monthSummaries(movements: readonly FundMovement[]): FundMonth[] {
  const out = new Map<string, FundMonth>()
  for (const m of movements) {
    const _id = fundMonthId(m.accountId, m.month)
    const sum = out.get(_id) ?? {
      _id,
      accountId: m.accountId,
      projectId: m.projectId,
      month: m.month,
      in: 0,
      out: 0,
      countIn: 0,
      countOut: 0,
    }
    if (m.direction === 'in') {
      sum.in += m.amount
      sum.countIn++
    } else {
      sum.out += m.amount
      sum.countOut++
    }
    out.set(_id, sum)
  }
  return [...out.values()]
}

/** An account as answered: the number masked. */
export type FundAccountView = Omit<FundAccount, 'accountNo'> & { accountNo: string }

export interface FundTotals {
  /** Fen. */
  in: number
  out: number
  count: number
}

export interface AccountsReply {
  rows: FundAccountView[]
  /** Fen: the balances added up. */
  total: number
}

export interface MovementPage {
  account: FundAccountView
  rows: FundMovement[]
  more: boolean
  /** On page 0 only: the totals of everything the filter selects (all pages). */
  totals: FundTotals | null
}

export const FUNDS_PAGE_SIZE = 20

/**
 * What the movements may be ordered by on request (a computer's table header): 时间, or 金额 — its
 * size, whichever the direction (the database orders the stored amount, which is never signed).
 */
export const MOVEMENT_SORTS = ['at', 'amount'] as const
export type MovementSort = ListSort<(typeof MOVEMENT_SORTS)[number]>

export const FundsInput = {
  accounts: z.object({ projectId: docId.optional() }).strict(),
  movements: z
    .object({
      projectId: docId.optional(),
      accountId: docId,
      month: monthField('月份').optional(),
      direction: z.enum(['in', 'out'], { message: '收支类型无效' }).optional(),
      page: z.number().int().min(0).max(500).default(0),
      sort: sortField(MOVEMENT_SORTS),
    })
    .strict(),
}

const read = actionsFor(member('funds'))

export const FundsContract = defineContract('funds', {
  accounts: read(FundsInput.accounts, returns<AccountsReply>()),
  movements: read(FundsInput.movements, returns<MovementPage>()),
})

export const FUNDS_COLLECTIONS = {
  fund_accounts: [index({ projectId: 1 })],
  /** `_id` = accountId_month. */
  fund_months: [index({ accountId: 1, month: -1 })],
  // Newest first (the list's own order) and a sort by 时间 either way, ties by `_id`; then by 金额.
  fund_movements: [
    index({ accountId: 1, at: -1, _id: -1 }),
    index({ accountId: 1, month: 1, at: -1, _id: -1 }),
    index({ accountId: 1, direction: 1, at: -1, _id: -1 }),
    index({ accountId: 1, month: 1, direction: 1, at: -1, _id: -1 }),
    index({ accountId: 1, amount: -1, _id: -1 }),
    index({ accountId: 1, month: 1, amount: -1, _id: -1 }),
    index({ accountId: 1, direction: 1, amount: -1, _id: -1 }),
    index({ accountId: 1, month: 1, direction: 1, amount: -1, _id: -1 }),
  ],
} as const
