import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { dateField, docId, sortField, type ListSort } from './fields'
import type { FundKind } from './funds'

/**
 * 大额资金转账 (manual §12): the project's large transfers out of the owners' common funds, each
 * published for the owners to see — date, amount, payee, purpose, who approved it and the publicity
 * period. Amounts in fen.
 */

/** A transfer at or above this many fen is published (¥50,000.00). */
export const LARGE_TRANSFER_FEN = 5_000_000

export type ApprovalBody = '业主大会' | '业主委员会'

export interface Approval {
  /** Who decided: a 业主大会 vote or the 业主委员会 within its mandate. */
  by: ApprovalBody
  /** 2026-03-18. */
  decidedAt: string
  /** 表决结果: e.g. 同意人数占比 71.2%，同意面积占比 73.5%. */
  result: string
  /** 决议文号 / 会议名称. */
  ref: string
}

/** A published transfer, in collection `transfers`. */
export interface Transfer {
  _id: string
  projectId: string
  /** 公示编号. */
  no: string
  /** When the money left the account. */
  at: number
  /** Fen. */
  amount: number
  accountKind: FundKind
  payee: string
  payeeBank: string
  /** Full as recorded; answers carry it masked. */
  payeeAccount: string
  purpose: string
  approval: Approval
  /** 公示期: 2026-03-20 … 2026-03-27 (dates, inclusive). */
  publicity: { from: string; to: string }
  /** 经办人 who recorded it. */
  handledBy: string
  publishedAt: number
  /** Names of the documents published with it (决议, 合同, 发票 …). */
  documents: string[]
}

export type TransferRow = Pick<
  Transfer,
  '_id' | 'no' | 'at' | 'amount' | 'payee' | 'purpose' | 'accountKind' | 'publicity'
> & { approvedBy: ApprovalBody }

export interface TransferPage {
  rows: TransferRow[]
  more: boolean
  /** On page 0 only: how many transfers the filter selects and their sum (fen). */
  totals: { count: number; amount: number } | null
}

export const TRANSFERS_PAGE_SIZE = 20

/** Fen, as a whole number (the page converts what is typed in yuan). */
const fen = z.number().int('金额最多两位小数').min(0, '金额不能为负').max(1e13, '金额过大')

/** The orders the list takes besides its own (newest first): 转账日期 and 金额, each indexed. */
export const TRANSFER_SORTS = ['at', 'amount'] as const
export type TransferSort = ListSort<(typeof TRANSFER_SORTS)[number]>

export const TransfersInput = {
  list: z
    .object({
      projectId: docId.optional(),
      /** Transfers on or after this day (China Standard Time). */
      from: dateField('开始日期').optional(),
      /** … on or before this day. */
      to: dateField('结束日期').optional(),
      minAmount: fen.optional(),
      maxAmount: fen.optional(),
      page: z.number().int().min(0).max(500).default(0),
      /**
       * The whole list in this order (ties by _id, so pages neither repeat nor skip a transfer);
       * the totals are the filter's, whatever the order.
       */
      sort: sortField(TRANSFER_SORTS),
    })
    .strict(),
  detail: z.object({ projectId: docId.optional(), transferId: docId }).strict(),
}

export type TransferFilter = Pick<
  z.input<typeof TransfersInput.list>,
  'from' | 'to' | 'minAmount' | 'maxAmount'
>

/**
 * The rules between the filter's fields (the schema checks each field alone; a top-level refine
 * would hide the fields' shapes from the contract tests): checked by the page and the function.
 */
export function filterErrors(f: TransferFilter): Record<string, string> | null {
  const out: Record<string, string> = {}
  if (f.from && f.to && f.from > f.to) out.to = '结束日期不能早于开始日期'
  if (f.minAmount != null && f.maxAmount != null && f.minAmount > f.maxAmount) {
    out.maxAmount = '最高金额不能低于最低金额'
  }
  return Object.keys(out).length ? out : null
}

const read = actionsFor(member('transfers'))

export const TransfersContract = defineContract('transfers', {
  list: read(TransfersInput.list, returns<TransferPage>()),
  detail: read(TransfersInput.detail, returns<Transfer>()),
})

export const TRANSFERS_COLLECTIONS = {
  transfers: [
    index({ projectId: 1, at: -1 }),
    // The list's `sort`, its _id the tie-breaker; each serves both directions.
    index({ projectId: 1, at: 1, _id: 1 }),
    index({ projectId: 1, amount: 1, _id: 1 }),
  ],
} as const
