/**
 * 共有资金情况 (manual §5). The project's common-fund accounts with their balances, and each
 * account's movements newest first (or by 时间 or 金额 on request), 20 a page, optionally of one month and one direction. Page 0
 * also carries the totals of everything the filter selects, so the page shows them before the
 * rows are all loaded: the account's running totals (kept with its balance) or the month's (kept
 * with its movements), one read however many movements there are. Account numbers leave masked.
 */
import { AppError } from '../../types/errors'
import { maskAccountNo } from '../../types/display'
import {
  FUND_KINDS,
  FUNDS_PAGE_SIZE,
  FundsContract,
  type Direction,
  type FundAccount,
  type FundAccountView,
  fundMonthId,
  type FundMonth,
  type FundMovement,
  type FundTotals,
  type MovementSort,
} from '../../types/funds'
import { db, defineFunction, first, list } from '../../server/kernel'

const accounts = () => db.collection('fund_accounts')
const movements = () => db.collection('fund_movements')

function view(a: FundAccount): FundAccountView {
  return { ...a, accountNo: maskAccountNo(a.accountNo) }
}

/** Totals of a month (in one direction or both), from the month's summary. */
async function monthTotals(accountId: string, month: string, direction?: Direction) {
  const m = await first<FundMonth>(
    db.collection('fund_months').where({ _id: fundMonthId(accountId, month) }),
  )
  const withIn = direction !== 'out'
  const withOut = direction !== 'in'
  return {
    in: withIn ? (m?.in ?? 0) : 0,
    out: withOut ? (m?.out ?? 0) : 0,
    count: (withIn ? (m?.countIn ?? 0) : 0) + (withOut ? (m?.countOut ?? 0) : 0),
  }
}

/** Totals of the whole account (in one direction or both), from its running totals. */
function accountTotals(a: FundAccount, direction?: Direction): FundTotals {
  const withIn = direction !== 'out'
  const withOut = direction !== 'in'
  return {
    in: withIn ? a.totalIn : 0,
    out: withOut ? a.totalOut : 0,
    count: (withIn ? a.countIn : 0) + (withOut ? a.countOut : 0),
  }
}

/**
 * A page of movements, read newest first (the list's own order) or as `sort` asks: 时间 or 金额
 * (the amount's size, either direction), ties by `_id` so pages neither repeat nor skip one.
 */
function ordered(query: ReturnType<ReturnType<typeof movements>['where']>, sort?: MovementSort) {
  if (!sort) return query.orderBy('at', 'desc').orderBy('_id', 'desc')
  return query.orderBy(sort.by, sort.order).orderBy('_id', sort.order)
}

export const main = defineFunction(FundsContract, {
  async accounts(ctx) {
    const rows = await list<FundAccount>(accounts().where({ projectId: ctx.projectId }).limit(100))
    const order = (a: FundAccount) => FUND_KINDS.indexOf(a.kind)
    rows.sort((a, b) => order(a) - order(b) || a._id.localeCompare(b._id))
    return { rows: rows.map(view), total: rows.reduce((n, a) => n + a.balance, 0) }
  },

  async movements(ctx, { accountId, month, direction, page, sort }) {
    // Another project's account is "not found", never a hint that it exists.
    const account = await first<FundAccount>(
      accounts().where({ _id: accountId, projectId: ctx.projectId }),
    )
    if (!account) throw new AppError('NOT_FOUND', '账户不存在')
    const where = {
      accountId,
      ...(month ? { month } : {}),
      ...(direction ? { direction } : {}),
    }
    const [rows, totals] = await Promise.all([
      list<FundMovement>(
        ordered(movements().where(where), sort)
          .skip(page * FUNDS_PAGE_SIZE)
          .limit(FUNDS_PAGE_SIZE + 1),
      ),
      page > 0
        ? null
        : month
          ? monthTotals(accountId, month, direction)
          : Promise.resolve(accountTotals(account, direction)),
    ])
    return {
      account: view(account),
      rows: rows.slice(0, FUNDS_PAGE_SIZE),
      more: rows.length > FUNDS_PAGE_SIZE,
      totals,
    }
  },
})
