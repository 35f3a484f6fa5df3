/**
 * 大额资金转账 demo data: every movement out of a common-fund account of ¥50,000.00 or more (the
 * funds seed's ledgers) as the transfer the project published — same date, amount, payee and
 * purpose — with its approval and publicity period. 阳光花园 has three years of them.
 */
import { cstDate } from '../../types/display'
import type { FundMovement } from '../../types/funds'
import { LARGE_TRANSFER_FEN, type Transfer } from '../../types/transfers'
import { fundLedgers } from './funds'
import { DAY, random } from './random'

const PREFIX: Record<string, string> = { 'p-yangguang': 'YGHY', 'p-haibin': 'HBGC' }
const HANDLERS: Record<string, string[]> = {
  'p-yangguang': ['李晓华', '张建国'],
  'p-haibin': ['陈志强', '赵敏'],
}
const BANKS = [
  '中国工商银行深圳分行营业部',
  '中国建设银行深圳福田支行',
  '招商银行深圳车公庙支行',
  '平安银行深圳南山支行',
  '中国银行深圳罗湖支行',
  '兴业银行深圳科技园支行',
]

export function transfersFrom(movements: FundMovement[], kindOf: (accountId: string) => string) {
  const r = random(20_260_512)
  const large = movements
    .filter((m) => m.direction === 'out' && m.amount >= LARGE_TRANSFER_FEN)
    .sort((a, b) => a.at - b.at)
  const seq: Record<string, number> = {}
  return large.map((m): Transfer => {
    const year = cstDate(m.at).slice(0, 4)
    const key = `${m.projectId}-${year}`
    seq[key] = (seq[key] ?? 0) + 1
    const kind = kindOf(m.accountId) as Transfer['accountKind']
    const assembly = kind === '专项维修资金' || m.amount >= 10_000_000
    const decided = m.at - r.int(18, 40) * DAY
    const publicityFrom = m.at - r.int(9, 14) * DAY
    const people = 50 + r.int(55, 280) / 10
    const area = Math.min(99.5, people + r.int(-30, 45) / 10)
    return {
      _id: `tr-${m._id.replace(/^fm-/, '')}`,
      projectId: m.projectId,
      no: `${PREFIX[m.projectId] ?? 'SZ'}-${year}-${String(seq[key]).padStart(3, '0')}`,
      at: m.at,
      amount: m.amount,
      accountKind: kind,
      payee: m.counterparty,
      payeeBank: r.pick(BANKS),
      payeeAccount: String(r.int(1e11, 9e11)) + String(r.int(10_000_000, 99_999_999)),
      purpose: m.purpose,
      approval: assembly
        ? {
            by: '业主大会',
            decidedAt: cstDate(decided),
            result: `同意人数占比 ${people.toFixed(1)}%，同意面积占比 ${area.toFixed(1)}%`,
            ref: `${year}年第${r.pick(['一', '二', '三'])}次业主大会会议决议`,
          }
        : {
            by: '业主委员会',
            decidedAt: cstDate(decided),
            result: `委员 ${r.int(5, 7)} 人同意，0 人反对`,
            ref: `业主委员会${year}年第${r.int(2, 12)}次会议纪要`,
          },
      publicity: { from: cstDate(publicityFrom), to: cstDate(publicityFrom + 6 * DAY) },
      handledBy: r.pick(HANDLERS[m.projectId] ?? ['经办人']),
      publishedAt: publicityFrom,
      documents: assembly
        ? ['业主大会决议公告', '施工（服务）合同', '验收报告', '付款凭证']
        : ['业主委员会会议纪要', '服务合同', '付款凭证'],
    }
  })
}

export function transfersSeed(now: number) {
  const ledgers = fundLedgers(now)
  const kinds = new Map(ledgers.map((l) => [l.account._id, l.account.kind]))
  const movements = ledgers.flatMap((l) => l.movements)
  return { docs: { transfers: transfersFrom(movements, (id) => kinds.get(id) ?? '公共收益') } }
}
