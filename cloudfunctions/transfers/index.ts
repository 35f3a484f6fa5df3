/**
 * 大额资金转账 (manual §12). The project's published large transfers, newest first (or by date or
 * amount either way, as a computer's table asks), 20 a page, filtered by date (days of China
 * Standard Time, both ends included) and amount (fen, both ends included); page 0 carries how
 * many the filter selects and their sum, whatever the order. 详情 shows one transfer with its
 * approval, publicity period and documents; the payee's account number leaves masked.
 */
import { cstDayStart, maskAccountNo } from '../../types/display'
import { AppError } from '../../types/errors'
import {
  filterErrors,
  TRANSFERS_PAGE_SIZE,
  TransfersContract,
  type Transfer,
  type TransferRow,
} from '../../types/transfers'
import { _, db, defineFunction, first, list } from '../../server/kernel'

const DAY = 86_400_000
const transfers = () => db.collection('transfers')

type Bound = ReturnType<typeof _.gte> | ReturnType<ReturnType<typeof _.gte>['and']>

/** `min ≤ x ≤ max` as one database condition (either end optional). */
function between(min?: number, max?: number, maxExclusive = false): Bound | undefined {
  const upper = max == null ? undefined : maxExclusive ? _.lt(max) : _.lte(max)
  if (min == null) return upper
  return upper ? _.gte(min).and(upper) : _.gte(min)
}

const ROW_FIELDS = {
  no: true,
  at: true,
  amount: true,
  payee: true,
  purpose: true,
  accountKind: true,
  publicity: true,
  'approval.by': true,
}

export const main = defineFunction(TransfersContract, {
  async list(ctx, { from, to, minAmount, maxAmount, page, sort }) {
    const wrong = filterErrors({ from, to, minAmount, maxAmount })
    if (wrong) throw new AppError('BAD_INPUT', Object.values(wrong)[0], wrong)
    const at = between(
      from ? cstDayStart(from) : undefined,
      to ? cstDayStart(to) + DAY : undefined,
      true,
    )
    const amount = between(minAmount, maxAmount)
    const where = {
      projectId: ctx.projectId,
      ...(at ? { at } : {}),
      ...(amount ? { amount } : {}),
    }
    const $ = db.command.aggregate
    const [rows, sums] = await Promise.all([
      list<Transfer>(
        // A table's header asks for the whole list in its order; _id breaks ties in it and in the
        // list's own order (equal amounts, transfers of one moment), so a page starts where the
        // one before it ended.
        (sort
          ? transfers().where(where).orderBy(sort.by, sort.order).orderBy('_id', sort.order)
          : transfers().where(where).orderBy('at', 'desc').orderBy('_id', 'desc')
        )
          .skip(page * TRANSFERS_PAGE_SIZE)
          .limit(TRANSFERS_PAGE_SIZE + 1)
          .field(ROW_FIELDS),
      ),
      page > 0
        ? null
        : (transfers()
            .aggregate()
            .match(where)
            .group({ _id: null, amount: $.sum('$amount'), count: $.sum(1) })
            .end() as Promise<{ list: { amount: number; count: number }[] }>),
    ])
    return {
      rows: rows.slice(0, TRANSFERS_PAGE_SIZE).map((t): TransferRow => ({
        _id: t._id,
        no: t.no,
        at: t.at,
        amount: t.amount,
        payee: t.payee,
        purpose: t.purpose,
        accountKind: t.accountKind,
        publicity: t.publicity,
        approvedBy: t.approval.by,
      })),
      more: rows.length > TRANSFERS_PAGE_SIZE,
      totals: sums ? { count: sums.list[0]?.count ?? 0, amount: sums.list[0]?.amount ?? 0 } : null,
    }
  },

  async detail(ctx, { transferId }) {
    const t = await first<Transfer>(
      transfers().where({ _id: transferId, projectId: ctx.projectId }),
    )
    if (!t) throw new AppError('NOT_FOUND', '转账记录不存在')
    return { ...t, payeeAccount: maskAccountNo(t.payeeAccount) }
  },
})
