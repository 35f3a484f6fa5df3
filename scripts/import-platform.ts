/**
 * `npm run import:platform -- <export.json> [--out <dir>] [--local]`: turns an export of the
 * platform's records (项目信息, 共有资金, 大额资金转账, 信用信息; README › Importing the platform's
 * data) into the documents the project, funds, transfers and credit functions read.
 *
 * - Money is given as the platform shows it, in yuan ("1,234.56", 1234.5) and stored in fen,
 *   exactly (no floating point); times as "2026-05-08 14:30" (China Standard Time) or ISO.
 * - What the functions rely on is computed here, never taken from the file: a movement's month and
 *   the balance after it (from the account's opening balance, in time order), an account's
 *   balance and totals, each month's summary, a profile's households and owners from its
 *   buildings, the maintenance fund's used amount and balance from its paid uses.
 * - `--out <dir>` writes one `<collection>.json` per collection, one document a line: the cloud
 *   console's 数据库 → 导入 (JSON, 冲突处理 Upsert) takes them as they are.
 * - `--local` upserts them into the local cloud's data folder (LOCAL_CLOUD_DATA; stop it first).
 *
 * Refuses the whole file, naming each problem, when a record is malformed: nothing is half done.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { COLLECTIONS } from '../server/registry'
import { optionsFromEnv } from '../server/local-cloud'
import { withDefaults } from '../server/local-cloud/config'
import { acquireLock, lockHolder } from '../server/local-cloud/lock'
import { Store, type Write } from '../server/local-cloud/store'
import { SUBJECT_TYPE_KEYS, type CreditRecord, type CreditSubject } from '../types/credit'
import { cstMonth, isDate, parseYuan } from '../types/display'
import { fieldErrors } from '../types/fields'
import {
  FUND_KINDS,
  monthSummaries,
  type FundAccount,
  type FundMonth,
  type FundMovement,
} from '../types/funds'
import {
  FACILITY_KINDS,
  ownerTotals,
  type Facility,
  type MaintenanceFund,
  type MaintenanceUse,
  type OwnerCommittee,
  type PartyBranch,
  type ProjectProfile,
  type PropertyCompany,
  type ServiceContract,
  type StaffMember,
  type VoteSession,
} from '../types/project'
import { LARGE_TRANSFER_FEN, type Transfer } from '../types/transfers'

// ---- field shapes ---------------------------------------------------------------------------

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '编号只能是字母、数字、- 和 _')
const text = z.string().trim().min(1, '不能为空')
const date = z.string().refine(isDate, '日期应为 YYYY-MM-DD')
/** Yuan as the platform shows it → fen. */
const yuan = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const fen = parseYuan(String(v))
  if (fen === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: '金额应为元，最多两位小数' })
    return z.NEVER
  }
  return fen
})
/** "2026-05-08 14:30" (CST), "2026-05-08" or an ISO time → epoch ms. */
const time = z.string().transform((v, ctx) => {
  const s = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(v)
    ? `${v.replace(' ', 'T')}${v.length === 10 ? 'T00:00:00' : ''}+08:00`
    : v
  const ms = Date.parse(s)
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: '时间格式应为 YYYY-MM-DD HH:mm' })
    return z.NEVER
  }
  return ms
})
const phone = z.string().regex(/^[\d-]{7,20}$/, '电话格式错误')
const idNo = z.string().regex(/^\d{17}[\dXx]$|^\d{15}$/, '身份证号码格式错误')

// ---- the export -----------------------------------------------------------------------------

const Movement = z.object({
  at: time,
  direction: z.enum(['in', 'out']),
  amount: yuan.refine((f) => f > 0, '金额应大于 0'),
  counterparty: text,
  purpose: text,
})

const Account = z.object({
  _id: id,
  projectId: id,
  kind: z.enum(FUND_KINDS),
  name: text,
  bank: text,
  accountNo: z.string().regex(/^[\d ]{8,32}$/, '账号格式错误'),
  opening: yuan,
  openedAt: time,
  movements: z.array(Movement),
})

const Transfer_ = z.object({
  _id: id,
  projectId: id,
  no: text,
  at: time,
  amount: yuan,
  accountKind: z.enum(FUND_KINDS),
  payee: text,
  payeeBank: text,
  payeeAccount: z.string().regex(/^[\d ]{8,32}$/, '账号格式错误'),
  purpose: text,
  approval: z.object({
    by: z.enum(['业主大会', '业主委员会']),
    decidedAt: date,
    result: text,
    ref: text,
  }),
  publicity: z.object({ from: date, to: date }),
  handledBy: text,
  publishedAt: time,
  documents: z.array(text).default([]),
})

const Subject = z.object({
  _id: id,
  type: z.enum(SUBJECT_TYPE_KEYS as [string, ...string[]]),
  name: text,
  projectIds: z.array(id).min(1),
  uscc: z.string().optional(),
  legalPerson: z.string().optional(),
  grade: z.string().optional(),
  address: z.string().optional(),
  idNo: idNo.optional(),
  phone: phone.optional(),
  post: z.string().optional(),
  room: z.string().optional(),
  termFrom: date.optional(),
  termTo: date.optional(),
  certificate: z.string().optional(),
  members: z.array(text).optional(),
})

const Record_ = z
  .object({
    _id: id,
    subjectId: id,
    kind: z.enum(['good', 'bad']),
    title: text,
    facts: text,
    date,
    authority: text,
    docNo: z.string().optional(),
    penalty: z.string().optional(),
    showUntil: date.optional(),
  })
  .refine((r) => r.kind === 'good' || (r.penalty && r.showUntil), {
    message: '不良信息须有处理措施和公示截止日期',
    path: ['showUntil'],
  })

const Building = z.object({
  building: text,
  households: z.number().int().min(0),
  owners: z.number().int().min(0),
  bound: z.number().int().min(0),
})

const Profile = z.object({
  projectId: id,
  propertyType: text,
  landArea: z.number().min(0),
  buildingArea: z.number().min(0),
  completedAt: date,
  companyId: id.nullable(),
  managedSince: date.nullable(),
  byBuilding: z.array(Building),
  voting: z.object({ voters: z.number().int().min(0), households: z.number().int().min(0) }),
  updatedAt: time,
})

const Staff = z.object({
  _id: id,
  projectId: id,
  name: text,
  post: text,
  certificate: z.string().default('无'),
  phone,
  idNo,
  startDate: date,
  order: z.number().int(),
})

const Company = z.object({
  _id: id,
  name: text,
  uscc: z.string().regex(/^[0-9A-Z]{18}$/, '统一社会信用代码应为18位'),
  legalPerson: text,
  address: text,
  contact: text,
  contactPhone: phone,
  creditGrade: text,
  creditScore: z.number(),
  registeredAt: date,
})

const Committee = z.object({
  _id: id,
  projectId: id,
  name: text,
  electedAt: date,
  termFrom: date,
  termTo: date,
  filing: z.object({
    status: z.enum(['已备案', '备案中', '未备案']),
    no: z.string().nullable(),
    at: date.nullable(),
    by: text,
  }),
  members: z.array(z.object({ name: text, post: text, phone, room: z.string() })),
})

const Branch = z.object({
  _id: id,
  projectId: id,
  name: text,
  secretary: text,
  memberCount: z.number().int().min(0),
  foundedAt: date,
  parent: text,
  phone,
})

const Vote = z.object({
  _id: id,
  projectId: id,
  title: text,
  startAt: time,
  endAt: time,
  participants: z.number().int().min(0),
  households: z.number().int().min(0),
  matters: z.array(
    z.object({
      title: text,
      result: z.enum(['passed', 'failed']),
      agreePeople: z.number().min(0).max(100),
      agreeArea: z.number().min(0).max(100),
    }),
  ),
})

const Facility_ = z.object({
  _id: id,
  projectId: id,
  code: text,
  name: text,
  kind: z.enum(FACILITY_KINDS),
  location: text,
  status: z.enum(['normal', 'repair', 'stopped']),
  installedAt: date,
  lastMaintainedAt: date,
  maintainer: text,
})

const Contract = z.object({
  _id: id,
  projectId: id,
  filingNo: text,
  filedAt: date,
  partyA: text,
  partyB: text,
  kind: text,
  feeMode: text,
  signedAt: date,
  termFrom: date,
  termTo: date,
  fees: z.array(z.object({ item: text, yuan, unit: text })),
})

const Maintenance = z.object({
  projectId: id,
  manager: text,
  householdsDue: z.number().int().min(0),
  householdsPaid: z.number().int().min(0),
  due: yuan,
  collected: yuan,
  interest: yuan,
  updatedAt: time,
  uses: z.array(
    z.object({
      _id: id,
      item: text,
      amount: yuan,
      appliedAt: date,
      status: z.enum(['paid', 'approved', 'reviewing']),
      approval: text,
      contractor: text,
    }),
  ),
})

/** An export of the platform: each collection a list of its records, an absent one empty. */
function exportOf<T extends Record<string, z.ZodTypeAny>>(records: T) {
  const lists = Object.fromEntries(
    Object.entries(records).map(([name, record]) => [name, z.array(record).default([])]),
  ) as { [K in keyof T]: z.ZodDefault<z.ZodArray<T[K]>> }
  return z.object(lists).strict()
}

export const PlatformExport = exportOf({
  accounts: Account,
  transfers: Transfer_,
  creditSubjects: Subject,
  creditRecords: Record_,
  profiles: Profile,
  staff: Staff,
  companies: Company,
  committees: Committee,
  partyBranches: Branch,
  votes: Vote,
  facilities: Facility_,
  contracts: Contract,
  maintenance: Maintenance,
})

// ---- conversion -----------------------------------------------------------------------------

/** An account and its movements: balances carried from the opening one, in time order. */
function ledger(a: z.infer<typeof Account>): {
  account: FundAccount
  movements: FundMovement[]
  months: FundMonth[]
} {
  const sorted = [...a.movements].sort((x, y) => x.at - y.at)
  let balance = a.opening
  const movements = sorted.map((m, i): FundMovement => {
    balance += m.direction === 'in' ? m.amount : -m.amount
    return {
      _id: `${a._id}-${String(i + 1).padStart(6, '0')}`,
      accountId: a._id,
      projectId: a.projectId,
      at: m.at,
      month: cstMonth(m.at),
      direction: m.direction,
      amount: m.amount,
      counterparty: m.counterparty,
      purpose: m.purpose,
      balanceAfter: balance,
    }
  })
  const { movements: _m, ...rest } = a
  // The account's totals are its months' (one rule of what counts, types/funds.ts).
  const months = monthSummaries(movements)
  const total = (k: 'in' | 'out' | 'countIn' | 'countOut') =>
    months.reduce((n, month) => n + month[k], 0)
  return {
    account: {
      ...rest,
      accountNo: a.accountNo.replace(/\s+/g, ''),
      balance,
      totalIn: total('in'),
      totalOut: total('out'),
      countIn: total('countIn'),
      countOut: total('countOut'),
      updatedAt: movements.length ? movements[movements.length - 1].at : a.openedAt,
    },
    movements,
    months,
  }
}

export type Collections = Record<string, { _id: string }[]>

/** The documents of each collection, from a parsed export; problems that span records throw. */
export function convert(data: z.infer<typeof PlatformExport>): {
  docs: Collections
  warnings: string[]
} {
  const warnings: string[] = []
  const ledgers = data.accounts.map(ledger)
  for (const l of ledgers) {
    if (l.movements.some((m) => m.balanceAfter < 0)) {
      warnings.push(`账户 ${l.account._id} 的余额曾为负数，请核对期初余额与收支记录`)
    }
  }
  const transfers: Transfer[] = data.transfers.map((t) => ({
    ...t,
    payeeAccount: t.payeeAccount.replace(/\s+/g, ''),
  }))
  for (const t of transfers) {
    if (t.amount < LARGE_TRANSFER_FEN) warnings.push(`转账 ${t._id} 低于大额公示标准`)
  }
  const subjects = new Map(data.creditSubjects.map((s) => [s._id, s]))
  const records: CreditRecord[] = data.creditRecords.map((r) => {
    const subject = subjects.get(r.subjectId)
    if (!subject) throw new Error(`信用记录 ${r._id} 的主体 ${r.subjectId} 不在导出文件中`)
    return { ...r, subjectType: subject.type as CreditRecord['subjectType'] }
  })
  const profiles: ProjectProfile[] = data.profiles.map((p) => {
    const { byBuilding, ...rest } = p
    return { _id: p.projectId, ...rest, ...ownerTotals(byBuilding) }
  })
  const funds: MaintenanceFund[] = data.maintenance.map(({ uses, ...m }) => {
    const used = uses.filter((u) => u.status === 'paid').reduce((n, u) => n + u.amount, 0)
    return { _id: m.projectId, ...m, used, balance: m.collected + m.interest - used }
  })
  const uses: MaintenanceUse[] = data.maintenance.flatMap((m) =>
    m.uses.map((u) => ({ ...u, projectId: m.projectId })),
  )
  const contracts: ServiceContract[] = data.contracts.map((c) => ({
    ...c,
    fees: c.fees.map((f) => ({ item: f.item, fen: f.yuan, unit: f.unit })),
  }))
  return {
    docs: {
      fund_accounts: ledgers.map((l) => l.account),
      fund_movements: ledgers.flatMap((l) => l.movements),
      fund_months: ledgers.flatMap((l) => l.months),
      transfers,
      credit_subjects: data.creditSubjects as CreditSubject[],
      credit_records: records,
      project_profiles: profiles,
      project_staff: data.staff as StaffMember[],
      property_companies: data.companies as PropertyCompany[],
      owner_committees: data.committees as OwnerCommittee[],
      party_branches: data.partyBranches as PartyBranch[],
      vote_sessions: data.votes as VoteSession[],
      facilities: data.facilities as Facility[],
      service_contracts: contracts,
      maintenance_funds: funds,
      maintenance_uses: uses,
    },
    warnings,
  }
}

/** Parses and converts an export file's text; throws naming every malformed field. */
export function importText(textOfFile: string, name = 'export'): ReturnType<typeof convert> {
  const parsed = PlatformExport.safeParse(JSON.parse(textOfFile))
  if (!parsed.success) {
    const problems = Object.entries(fieldErrors(parsed.error)).map(([k, v]) => `  ${k}: ${v}`)
    throw new Error(`${name} 有 ${problems.length} 处错误，未导入：\n${problems.join('\n')}`)
  }
  return convert(parsed.data)
}

// ---- CLI ------------------------------------------------------------------------------------

/** Upserts into the local cloud's data folder in one transaction (the local cloud stopped). */
function upsertLocally(docs: Collections): number {
  const o = withDefaults(optionsFromEnv())
  const holder = lockHolder(o.dataDir)
  if (holder)
    throw new Error(`${o.dataDir} is in use by a running local cloud (pid ${holder}): stop it`)
  const release = acquireLock(o.dataDir)
  const store = new Store(o.dataDir, COLLECTIONS)
  try {
    const writes: Write[] = Object.entries(docs).flatMap(([collection, list]) =>
      list.map((doc) => ({ collection, id: doc._id, doc: doc as unknown as Write['doc'] })),
    )
    store.apply(writes)
    return writes.length
  } finally {
    store.close()
    release()
  }
}

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(`--${flag}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file || file.startsWith('--')) {
    throw new Error('usage: import-platform <export.json> [--out <dir>] [--local]')
  }
  const { docs, warnings } = importText(readFileSync(file, 'utf8'), file)
  for (const w of warnings) console.warn(`warning: ${w}`)
  const filled = Object.entries(docs).filter(([, list]) => list.length > 0)
  const out = arg('out')
  if (out) {
    mkdirSync(out, { recursive: true })
    for (const [name, list] of filled) {
      writeFileSync(join(out, `${name}.json`), list.map((d) => JSON.stringify(d)).join('\n') + '\n')
    }
    console.log(`wrote ${filled.length} collections to ${out} (数据库 → 导入, JSON, Upsert)`)
  }
  if (process.argv.includes('--local')) {
    const n = upsertLocally(Object.fromEntries(filled))
    console.log(`upserted ${n} documents into the local cloud's data folder`)
  }
  if (!out && !process.argv.includes('--local')) {
    for (const [name, list] of filled) console.log(`${name}: ${list.length}`)
    console.log('checked only: add --out <dir> or --local to write')
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error((err as Error).message)
    process.exit(1)
  })
}
