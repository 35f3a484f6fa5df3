/**
 * 共有资金情况 demo data: the common-fund accounts of 阳光花园 (three years of movements) and
 * 海滨广场 (one year), built as a ledger so every balance is its opening balance plus the movements
 * in minus the movements out, to the cent, and every month's summary holds its movements' totals.
 * 翠湖雅苑 (project seed) has no account yet.
 */
import { cstMonth } from '../../types/display'
import {
  monthSummaries,
  type Direction,
  type FundAccount,
  type FundMovement,
} from '../../types/funds'
import { DAY, dayOf, monthStart, random, type Random } from './random'

interface Draft {
  accountId: string
  at: number
  direction: Direction
  /** Fen. */
  amount: number
  counterparty: string
  purpose: string
}

/** An account as the platform opened it; its ledger adds the rest. */
type AccountSpec = Pick<
  FundAccount,
  '_id' | 'projectId' | 'kind' | 'name' | 'bank' | 'accountNo' | 'opening'
>

const yuan = (y: number) => Math.round(y * 100)
/** Fen between two amounts in yuan, to the cent. */
const amount = (r: Random, min: number, max: number) => r.int(yuan(min), yuan(max))

const YG_COMPANY = '深圳市安居物业管理有限公司'
const HB_COMPANY = '深圳市鹏城物业服务有限公司'

export const YG_ACCOUNTS: AccountSpec[] = [
  {
    _id: 'fa-yg-income',
    projectId: 'p-yangguang',
    kind: '公共收益',
    name: '深圳市南山区阳光花园业主大会',
    bank: '中国建设银行深圳科技园支行',
    accountNo: '44250100003500001234',
    opening: 86_231_540,
  },
  {
    _id: 'fa-yg-repair',
    projectId: 'p-yangguang',
    kind: '专项维修资金',
    name: '深圳市南山区阳光花园业主大会（日常专项维修资金）',
    bank: '招商银行深圳高新园支行',
    accountNo: '755912345610801',
    opening: 312_456_078,
  },
  {
    _id: 'fa-yg-work',
    projectId: 'p-yangguang',
    kind: '业主大会工作经费',
    name: '深圳市南山区阳光花园业主委员会',
    bank: '中国工商银行深圳南山支行',
    accountNo: '4000022109200345678',
    opening: 1_862_050,
  },
]

export const HB_ACCOUNTS: AccountSpec[] = [
  {
    _id: 'fa-hb-income',
    projectId: 'p-haibin',
    kind: '公共收益',
    name: '深圳市福田区海滨广场业主大会',
    bank: '中国银行深圳福田支行',
    accountNo: '762371234567',
    opening: 42_018_833,
  },
  {
    _id: 'fa-hb-repair',
    projectId: 'p-haibin',
    kind: '专项维修资金',
    name: '深圳市福田区海滨广场业主大会（日常专项维修资金）',
    bank: '平安银行深圳福田支行',
    accountNo: '15000098765432',
    opening: 158_220_000,
  },
]

const monthName = (start: number) => {
  const [y, m] = cstMonth(start).split('-')
  return `${y}年${Number(m)}月`
}

/**
 * Large outflows (of 公共收益 ≥ ¥50,000: published as 大额资金转账), by the account that pays:
 * what, to whom, between how many yuan.
 */
// prettier-ignore
const LARGE_WORKS: ['income' | 'repair', string, string, number, number][] = [
  ['income', '儿童游乐设施更新改造', '深圳市康乐体育设施工程有限公司', 58_000, 96_000],
  ['income', '小区监控系统高清化升级', '深圳市安视达智能科技有限公司', 120_000, 186_000],
  ['income', '中心花园绿化提升工程', '深圳市南粤园林绿化工程有限公司', 65_000, 110_000],
  ['income', '公众责任保险（年度）', '中国人民财产保险股份有限公司深圳市分公司', 52_000, 61_000],
  ['income', '共有资金年度审计', '深圳鹏信会计师事务所（普通合伙）', 50_000, 58_000],
  ['income', '地下车库照明节能改造', '深圳市光亮照明工程有限公司', 72_000, 99_000],
  ['income', '健身步道翻新', '深圳市康乐体育设施工程有限公司', 55_000, 83_000],
  ['income', '门岗道闸及人脸识别门禁更换', '深圳市捷安达智能系统有限公司', 88_000, 138_000],
  ['repair', '3栋外墙渗漏维修', '深圳市建工维修有限公司', 260_000, 340_000],
  ['repair', '1、2栋电梯曳引机更换', '深圳市迅达电梯工程有限公司', 380_000, 460_000],
  ['repair', '地下车库顶板防水修缮', '深圳市卓越防水工程有限公司', 150_000, 230_000],
  ['repair', '消防喷淋管网更换', '深圳市安消消防工程有限公司', 180_000, 260_000],
  ['repair', '二次供水水泵房设备更换', '深圳市水务科技工程有限公司', 90_000, 160_000],
  ['repair', '屋面防水及隔热层修缮', '深圳市卓越防水工程有限公司', 120_000, 210_000],
]
const worksOf = (account: 'income' | 'repair') =>
  LARGE_WORKS.filter((w) => w[0] === account).map(
    ([, purpose, payee, min, max]) => [purpose, payee, min, max] as const,
  )
const INCOME_WORKS = worksOf('income')
const REPAIR_WORKS = worksOf('repair')

/** A day of the month: fixed, drawn from a range, or a given moment. */
type Day = number | readonly [number, number] | { at: number }
const isRange = (d: Day): d is readonly [number, number] => Array.isArray(d)
/** Yuan: exactly, or fen drawn between two amounts. */
type Yuan = number | readonly [number, number]
/** A text, or one drawn (after the day and the amount, in the order they are written). */
type Text = string | (() => string)

/** One month's writing: its start, the month before's name, and how to add a movement. */
interface Month {
  r: Random
  back: number
  start: number
  /** The month before, 2025年3月: what a monthly collection is for. */
  last: string
  income: Mover
  payment: Mover
}
type Mover = (accountId: string, day: Day, sum: Yuan, counterparty: Text, purpose: Text) => void

/**
 * The movements of the `months` months before this one and of this one up to `now`, written by
 * `write` month by month from one random source, each drawn in the order it is written (so the
 * same data comes out on every start).
 */
function drafts(seed: number, months: number, now: number, write: (m: Month) => void): Draft[] {
  const r = random(seed)
  const out: Draft[] = []
  for (let back = months; back >= 0; back--) {
    const start = monthStart(now, back)
    const last = monthName(monthStart(now, back + 1))
    write({ r, back, start, last, ...movers(r, start, now, out) })
  }
  return out
}

function movers(r: Random, start: number, now: number, out: Draft[]) {
  const move =
    (direction: Direction): Mover =>
    (accountId, day, sum, counterparty, purpose) => {
      const at =
        typeof day === 'number'
          ? dayOf(start, day, r)
          : isRange(day)
            ? dayOf(start, r.int(day[0], day[1]), r)
            : day.at
      const fen = typeof sum === 'number' ? yuan(sum) : amount(r, sum[0], sum[1])
      const text = (t: Text) => (typeof t === 'string' ? t : t())
      const d: Draft = {
        accountId,
        at,
        direction,
        amount: fen,
        counterparty: text(counterparty),
        purpose: text(purpose),
      }
      if (d.at <= now) out.push(d)
    }
  return { income: move('in'), payment: move('out') }
}

/** 阳光花园: 36 months (and this month up to today) of movements of its three accounts. */
function yangguangDrafts(now: number): Draft[] {
  return drafts(20_260_501, 36, now, ({ r, back, start, last, income, payment }) => {
    const [, m] = cstMonth(start).split('-').map(Number)
    income('fa-yg-income', [5, 9], [38_000, 62_000], YG_COMPANY, `${last}临时停车收益`)
    income('fa-yg-income', [10, 14], [6_200, 8_900], YG_AD_AGENCY, `${last}电梯轿厢广告位收益`)
    income('fa-yg-repair', [6, 12], [9_200, 11_400], YG_COMPANY, `${last}日常专项维修资金代收`)
    if (m % 3 === 1) {
      income('fa-yg-income', [15, 20], 12_600, YG_TOWER, '通信基站场地使用费（季度）')
    }
    if (m % 3 === 0) {
      for (const a of YG_ACCOUNTS) {
        const interest: Yuan = a._id === 'fa-yg-repair' ? [6_800, 9_600] : [120, 2_400]
        income(a._id, 21, interest, a.bank, '结息')
      }
    }
    if (r.chance(0.35)) {
      income(
        'fa-yg-income',
        [15, 25],
        [800, 4_600],
        () => personNameFor(r),
        () => r.pick(['会所场地租用收入', '架空层场地临时使用费', '快递柜场地使用费']),
      )
    }
    // Small expenses of 公共收益.
    if (r.chance(0.6)) {
      payment(
        'fa-yg-income',
        [16, 27],
        [1_200, 18_000],
        () => r.pick(YG_CONTRACTORS),
        () => r.pick(['公共区域小额维修', '健身器材维修', '监控摄像头更换', '绿化补种']),
      )
    }
    if (m % 3 === 1) {
      payment('fa-yg-income', [14, 18], [4_000, 9_000], YG_TAX, '公共收益增值税及附加（季度）')
    }
    // A large outflow about once a month, alternating between the two accounts.
    if (back % 2 === 0) {
      const [purpose, payee, min, max] = r.pick(INCOME_WORKS)
      payment('fa-yg-income', [18, 28], [min, max], payee, purpose)
    } else if (back % 4 === 1) {
      const [purpose, payee, min, max] = r.pick(REPAIR_WORKS)
      payment('fa-yg-repair', [18, 28], [min, max], payee, purpose)
    }
    // Once a year the owners' assembly funds its committee's work from 公共收益.
    if (m === 3) {
      const at = dayOf(start, 8, r)
      const work = '年度业主大会、业主委员会工作经费'
      payment('fa-yg-income', { at }, 80_000, '深圳市南山区阳光花园业主委员会', `划拨${work}`)
      income('fa-yg-work', { at: at + 60_000 }, 80_000, '深圳市南山区阳光花园业主大会', work)
    }
    // The committee's small running costs.
    if (r.chance(0.7)) {
      payment(
        'fa-yg-work',
        [3, 27],
        [300, 6_800],
        () => r.pick(['深圳市印象文印有限公司', '业委会委员', '深圳市法信律师事务所']),
        () => r.pick(['会议资料印制', '委员津贴', '法律咨询服务费', '业主大会表决材料印制']),
      )
    }
  })
}

const YG_AD_AGENCY = '深圳市城联传媒广告有限公司'
const YG_TOWER = '中国铁塔股份有限公司深圳市分公司'
const YG_TAX = '国家税务总局深圳市南山区税务局'
const YG_CONTRACTORS = [
  '深圳市康乐体育设施工程有限公司',
  '深圳市南粤园林绿化工程有限公司',
  '深圳市安视达智能科技有限公司',
]

function personNameFor(r: Random): string {
  return `${r.pick([...'王李张刘陈杨黄赵'])}${r.pick(['先生', '女士'])}`
}

/** 海滨广场: twelve months, with a few large repairs. */
function haibinDrafts(now: number): Draft[] {
  return drafts(20_260_502, 12, now, ({ r, back, last, income, payment }) => {
    income('fa-hb-income', [5, 10], [22_000, 31_000], HB_COMPANY, `${last}停车场及外墙广告收益`)
    income('fa-hb-repair', [6, 12], [5_100, 6_300], HB_COMPANY, `${last}日常专项维修资金代收`)
    if (back % 4 === 2) {
      const [purpose, payee, min, max] = r.pick(REPAIR_WORKS)
      const inTowerA = purpose.replace(/^\d[、\d]*栋/, 'A座')
      payment('fa-hb-repair', [15, 26], [min / 2, max / 2], payee, inTowerA)
    }
  })
}

/** An account and its movements, balances carried from the opening one. */
function ledger(
  spec: AccountSpec,
  drafts: Draft[],
  openedAt: number,
): { account: FundAccount; movements: FundMovement[] } {
  const mine = drafts.filter((d) => d.accountId === spec._id).sort((a, b) => a.at - b.at)
  let balance = spec.opening
  let totalIn = 0
  let totalOut = 0
  let countIn = 0
  let countOut = 0
  const movements: FundMovement[] = []
  for (const d of mine) {
    // An account never goes below zero: a payment it cannot cover waits (it is left out).
    if (d.direction === 'out' && d.amount > balance) continue
    balance += d.direction === 'in' ? d.amount : -d.amount
    if (d.direction === 'in') {
      totalIn += d.amount
      countIn++
    } else {
      totalOut += d.amount
      countOut++
    }
    movements.push({
      _id: `${spec._id.replace(/^fa-/, 'fm-')}-${String(movements.length + 1).padStart(4, '0')}`,
      accountId: spec._id,
      projectId: spec.projectId,
      at: d.at,
      month: cstMonth(d.at),
      direction: d.direction,
      amount: d.amount,
      counterparty: d.counterparty,
      purpose: d.purpose,
      balanceAfter: balance,
    })
  }
  const account: FundAccount = {
    ...spec,
    openedAt,
    balance,
    totalIn,
    totalOut,
    countIn,
    countOut,
    updatedAt: movements.length ? movements[movements.length - 1].at : openedAt,
  }
  return { account, movements }
}

export function fundLedgers(now: number) {
  const yg = yangguangDrafts(now)
  const hb = haibinDrafts(now)
  const ygOpened = monthStart(now, 37) - DAY
  const hbOpened = monthStart(now, 13) - DAY
  return [
    ...YG_ACCOUNTS.map((a) => ledger(a, yg, ygOpened)),
    ...HB_ACCOUNTS.map((a) => ledger(a, hb, hbOpened)),
  ]
}

export function fundsSeed(now: number) {
  const ledgers = fundLedgers(now)
  return {
    docs: {
      fund_accounts: ledgers.map((l) => l.account),
      fund_movements: ledgers.flatMap((l) => l.movements),
      fund_months: ledgers.flatMap((l) => monthSummaries(l.movements)),
    },
  }
}
