/**
 * 信息综合查询 (manual §9). Every filter the caller's visibility is added to here, in the
 * function: a page shows, and 导出 writes, only what the caller may see (types/query.ts).
 */
import { randomBytes } from 'node:crypto'
import type { Account } from '../../types/account'
import { cstDateTime, maskIdNo } from '../../types/display'
import { AppError } from '../../types/errors'
import {
  describeFilingFilter,
  EXPORT_MAX_ROWS,
  FILING_COLUMNS,
  FILING_KINDS,
  FILING_STATUSES,
  filingFilterProblems,
  QUERY_PAGE_SIZE,
  QueryContract,
  trainingFilterProblems,
  type Filing,
  type FilingFilterInput,
  type FilingRow,
  type FilingSort,
  type TrainingDetail,
  type TrainingFilterInput,
  type TrainingResult,
  type TrainingRow,
  type TrainingSort,
} from '../../types/query'
import { _, cloud, db, defineFunction, first, list, type Ctx } from '../../server/kernel'
import { buildXlsx } from './xlsx'

/** The most documents one read returns (the cloud database caps a server read at 1000). */
const BATCH = 1000
/** Up to this many matches of a keyword are read and sorted rather than found along the index. */
const FEW_MATCHES = 5000

/** A keyword as a case-blind "contains" that matches its characters literally. */
function contains(keyword: string) {
  return db.RegExp({ regexp: keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' })
}

/** A sort key: field and direction. Each order a page is read in is one index, walked either way. */
type Key = readonly [field: string, order: 'asc' | 'desc']

/** `query` ordered by `keys`, in turn. */
function orderedBy<Q extends { orderBy(field: string, order: 'asc' | 'desc'): Q }>(
  query: Q,
  keys: readonly Key[],
): Q {
  return keys.reduce((q, [field, order]) => q.orderBy(field, order), query)
}

function refuseProblems(problems: Record<string, string>): void {
  const fields = Object.keys(problems)
  if (fields.length) throw new AppError('BAD_INPUT', problems[fields[0]], problems)
}

async function count(where: object): Promise<number> {
  const res = (await db.collection('filings').where(where).count()) as { total: number }
  return res.total
}

/**
 * The total and whether more follow. A page that is not full ends the list, so its total is known
 * without counting: a rare keyword (whose page already read the whole collection) is not read a
 * second time; only a full page asks the database to count.
 */
async function totalOf(got: number, page: number, counted: () => Promise<number>) {
  const before = page * QUERY_PAGE_SIZE
  const total = got < QUERY_PAGE_SIZE && (got > 0 || page === 0) ? before + got : await counted()
  return { total, more: before + got < total }
}

// ---- filings ----------------------------------------------------------------------------------

/** The filter of the filings `caller` may see that match `f`. */
function filingWhere(caller: Account, f: FilingFilterInput, extra: object = {}) {
  const match: Record<string, unknown> = { ...extra }
  if (f.name) match.name = contains(f.name)
  if (f.district) match.district = f.district
  if (f.street) match.street = f.street
  // Public kinds for every member; restricted ones only for the filing's own project.
  const visible = _.or([{ public: true }, { projectId: _.in(caller.projectIds) }])
  return _.and([match, visible])
}

/**
 * The keys a page of filings is read in: the list's own (newest first), or as `sort` asks. 备案日期
 * is the `order` key (备案日期, then 备案编号: unique, so pages neither repeat nor skip a filing);
 * 备案名称's ties fall to `_id`.
 */
function filingOrder(sort: FilingSort | undefined): Key[] {
  if (!sort) return [['order', 'desc']]
  if (sort.by === 'filedAt') return [['order', sort.order]]
  return [
    [sort.by, sort.order],
    ['_id', sort.order],
  ]
}

function filingRow(doc: Filing): FilingRow {
  const { order: _order, ...row } = doc
  return row
}

/** Every matching filing in the list's order, read in batches along the `order` key. */
async function allFilings(caller: Account, f: FilingFilterInput): Promise<Filing[]> {
  const out: Filing[] = []
  let after: string | null = null
  for (;;) {
    const where = filingWhere(caller, f, after === null ? {} : { order: _.lt(after) })
    const batch = await list<Filing>(
      db.collection('filings').where(where).orderBy('order', 'desc').limit(BATCH),
    )
    out.push(...batch)
    if (batch.length < BATCH || out.length > EXPORT_MAX_ROWS) return out
    after = batch[batch.length - 1].order
  }
}

function cellsOf(row: Filing): string[] {
  return FILING_COLUMNS.map(([, field]) => {
    if (field === 'kind') return FILING_KINDS[row.kind]?.label ?? row.kind
    if (field === 'status') return FILING_STATUSES[row.status] ?? row.status
    return String(row[field] ?? '')
  })
}

// ---- training results -------------------------------------------------------------------------

/** The property companies serving the caller's projects: whose staff's results it may see. */
async function companiesOf(caller: Account): Promise<string[]> {
  const projects = await list<{ company?: string }>(
    db
      .collection('projects')
      .where({ _id: _.in(caller.projectIds) })
      .field({ company: true }),
  )
  return [...new Set(projects.map((p) => p.company).filter((c): c is string => !!c))]
}

/**
 * A course record as the training function first wrote it (one document per account and course:
 * `project`, `course`, `hours`, `date`), before it wrote TrainingResult. Read as a one-course
 * result so that nothing it recorded is lost; new records have the TrainingResult shape.
 */
interface CourseRecord {
  _id: string
  name: string
  idNo?: string | null
  accountId?: string | null
  projectId?: string | null
  project?: string
  company: string
  course?: string
  courseId?: string
  hours?: number
  score?: number | null
  passed?: boolean
  date?: string
  updatedAt?: number
}

function normalized(doc: TrainingResult | CourseRecord): TrainingResult {
  if (Array.isArray((doc as TrainingResult).courses)) return doc as TrainingResult
  const r = doc as CourseRecord
  const passed = r.passed !== false
  return {
    _id: r._id,
    name: r.name,
    idNo: r.idNo ?? null,
    accountId: r.accountId ?? null,
    position: null,
    projectId: r.projectId ?? null,
    projectName: r.project ?? '',
    company: r.company,
    startDate: r.date ?? '',
    endDate: r.date ?? null,
    courses: [
      {
        courseId: r.courseId,
        title: r.course ?? '',
        hours: r.hours ?? 0,
        score: r.score ?? null,
        passed,
        finishedAt: r.date ?? null,
      },
    ],
    totalHours: passed ? (r.hours ?? 0) : 0,
    result: passed ? 'passed' : 'failed',
    certificate: null,
    updatedAt: r.updatedAt ?? 0,
  }
}

function trainingRow(doc: TrainingResult): TrainingRow {
  return {
    _id: doc._id,
    name: doc.name,
    idNoMasked: maskIdNo(doc.idNo),
    position: doc.position ?? null,
    projectName: doc.projectName,
    company: doc.company,
    startDate: doc.startDate,
    endDate: doc.endDate ?? null,
    totalHours: doc.totalHours,
    courseCount: doc.courses.length,
    result: doc.result,
  }
}

/** The filter of the results `companies` may see that match `f`; null when none can match. */
function trainingWhere(companies: string[], f: TrainingFilterInput): object | null {
  const kw = f.company?.toLowerCase()
  const allowed = kw ? companies.filter((c) => c.toLowerCase().includes(kw)) : companies
  if (allowed.length === 0) return null
  const where: Record<string, unknown> = {
    company: allowed.length === 1 ? allowed[0] : _.in(allowed),
  }
  if (f.name) where.name = contains(f.name)
  if (f.idNo) where.idNo = f.idNo
  // Course records (see CourseRecord) name the 小区 `project` and the day `date`.
  const either: object[] = []
  if (f.project) {
    const re = contains(f.project)
    either.push(_.or([{ projectName: re }, { project: re }]))
  }
  const range =
    f.startFrom && f.startTo
      ? _.gte(f.startFrom).and(_.lte(f.startTo))
      : f.startFrom
        ? _.gte(f.startFrom)
        : f.startTo
          ? _.lte(f.startTo)
          : null
  if (range) either.push(_.or([{ startDate: range }, { date: range }]))
  return either.length ? _.and([where, ...either]) : where
}

/**
 * The keys a page of results is read in: the list's own (newest start first, ties by `_id`), or
 * as `sort` asks, ties by `_id`. 开始时间 ascending is the list's own order backwards. A course
 * record (CourseRecord) stores neither `startDate` nor `totalHours`: it comes first ascending and
 * last descending by those, as it comes last in the list's own order.
 */
function trainingOrder(sort: TrainingSort | undefined): Key[] {
  if (sort?.by === 'startDate' && sort.order === 'asc') {
    return [
      ['startDate', 'asc'],
      ['_id', 'desc'],
    ]
  }
  if (!sort || sort.by === 'startDate') {
    return [
      ['startDate', 'desc'],
      ['_id', 'asc'],
    ]
  }
  return [
    [sort.by, sort.order],
    ['_id', sort.order],
  ]
}

async function tempUrl(fileID: string): Promise<string> {
  const res = (await cloud.getTempFileURL({ fileList: [fileID] })) as {
    fileList: { fileID: string; tempFileURL: string }[]
  }
  return res.fileList[0]?.tempFileURL ?? ''
}

export const main = defineFunction(QueryContract, {
  async filings(ctx, { page, sort, ...filter }) {
    refuseProblems(filingFilterProblems(filter))
    const where = filingWhere(ctx.caller, filter)
    const keys = filingOrder(sort)
    const window = (keys: readonly Key[]) =>
      list<Filing>(
        orderedBy(db.collection('filings').where(where), keys)
          .skip(page * QUERY_PAGE_SIZE)
          .limit(QUERY_PAGE_SIZE),
      )
    if (!filter.name) {
      // Region or nothing: an index on (district, street, order or name) serves the page in order.
      const rows = await window(keys)
      return {
        rows: rows.map(filingRow),
        ...(await totalOf(rows.length, page, () => count(where))),
      }
    }
    // A keyword matches inside names, which no index serves: every filing is read once to count.
    // Few matches are then read and sorted; many are met early walking the order's index. (A last
    // key never changes the order — the keys before it are unique — but takes the sort off that
    // index, so a rare keyword is not looked for along all of it.)
    const total = await count(where)
    const last: Key = keys[keys.length - 1][0] === '_id' ? ['order', 'asc'] : ['_id', 'asc']
    const rows = await window(total > FEW_MATCHES ? keys : [...keys, last])
    return { rows: rows.map(filingRow), total, more: (page + 1) * QUERY_PAGE_SIZE < total }
  },

  async exportFilings(ctx, filter) {
    refuseProblems(filingFilterProblems(filter))
    const total = await count(filingWhere(ctx.caller, filter))
    if (total === 0) throw new AppError('BAD_INPUT', '没有符合条件的备案，无需导出')
    if (total > EXPORT_MAX_ROWS) {
      throw new AppError(
        'BAD_INPUT',
        `符合条件的备案有${total}条，超过单次导出上限${EXPORT_MAX_ROWS}条，请缩小查询范围后再导出`,
      )
    }
    const rows = await allFilings(ctx.caller, filter)
    const stamp = cstDateTime(ctx.now)
    const bytes = await buildXlsx({
      sheet: '备案综合查询',
      title: '深圳市物业管理信息平台 · 备案综合查询',
      notes: [
        `查询条件：${describeFilingFilter(filter)}`,
        `导出时间：${stamp}（北京时间）；导出人：${ctx.caller.name}；共 ${rows.length} 条`,
      ],
      header: FILING_COLUMNS.map(([header]) => header),
      rows: rows.map(cellsOf),
    })
    // The name is the file's key: a phone may read exports/ by fileID (docs/storage-rules.json).
    const exportId = `${stamp.replace(/\D/g, '')}-${randomBytes(16).toString('hex')}`
    const cloudPath = `exports/filings/${ctx.caller._id}/${exportId}.xlsx`
    const { fileID } = (await cloud.uploadFile({ cloudPath, fileContent: bytes })) as {
      fileID: string
    }
    await ctx.audit({
      targetType: 'filingExport',
      targetId: exportId,
      projectId: ctx.projectId,
      comment: describeFilingFilter(filter),
      detail: { rows: rows.length, bytes: bytes.length, fileID },
    })
    const day = stamp.slice(0, 10).replace(/-/g, '')
    const time = stamp.slice(11).replace(':', '')
    return {
      fileID,
      url: await tempUrl(fileID),
      fileName: `备案综合查询_${day}-${time}.xlsx`,
      rows: rows.length,
      bytes: bytes.length,
    }
  },

  async training(ctx, { page, sort, ...filter }) {
    refuseProblems(trainingFilterProblems(filter))
    const where = trainingWhere(await companiesOf(ctx.caller), filter)
    if (!where) return { rows: [], total: 0, more: false }
    const coll = db.collection('training_results')
    const rows = await list<TrainingResult | CourseRecord>(
      orderedBy(coll.where(where), trainingOrder(sort))
        .skip(page * QUERY_PAGE_SIZE)
        .limit(QUERY_PAGE_SIZE),
    )
    const total = await totalOf(rows.length, page, async () => {
      const res = (await coll.where(where).count()) as { total: number }
      return res.total
    })
    return { rows: rows.map((r) => trainingRow(normalized(r))), ...total }
  },

  async trainingDetail(ctx: Ctx<Account>, { resultId }): Promise<TrainingDetail> {
    const companies = await companiesOf(ctx.caller)
    const stored =
      companies.length === 0
        ? null
        : await first<TrainingResult | CourseRecord>(
            db.collection('training_results').where({ _id: resultId, company: _.in(companies) }),
          )
    if (!stored) throw new AppError('NOT_FOUND', '培训记录不存在')
    const doc = normalized(stored)
    return {
      ...trainingRow(doc),
      courses: doc.courses,
      certificate: doc.certificate ?? null,
    }
  },
})
