/**
 * 信息综合查询 through the real query function: filings searched by name and region, what each
 * caller may see (the function filters, also in the export), keywords taken literally, the .xlsx
 * export read back with an independent reader; training results searched by every field, the
 * 身份证号码 masked in every answer, 详情 with courses and certificate, other companies' unseen;
 * both lists in the order a computer's table header asks for, the whole list page after page.
 */
import { SDK_ENV, connectSdk } from '../local-cloud/sdk'
import { readXlsx } from '../support/xlsx'
import { expectError, expectOk, caller } from './helpers'
import { QueryContract, FILING_COLUMNS, QUERY_PAGE_SIZE } from '../../types/query'
import { fileCloud } from './setup'

const cloud = fileCloud({ env: SDK_ENV })
const query = caller(cloud, QueryContract, 'demo-manager')

interface Row {
  _id: string
  filingNo: string
  name: string
  kind: string
  public: boolean
  projectId: string
  district: string
  street: string
  filedAt: string
}

async function search(filter: Record<string, unknown>, openid = 'demo-manager', page = 0) {
  return expectOk(await query('filings', { ...filter, page }, openid)) as {
    rows: Row[]
    total: number
    more: boolean
  }
}

/** Every row of a search, page by page, as the list would show them. */
async function searchAll(filter: Record<string, unknown>, openid = 'demo-manager') {
  const out: Row[] = []
  for (let page = 0; ; page++) {
    const res = await search(filter, openid, page)
    out.push(...res.rows)
    if (!res.more) return out
  }
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

describe('备案综合查询', () => {
  it('finds filings by name, newest first, a page at a time, with the total', async () => {
    const first = await search({ name: '阳光花园' })
    expect(first.total).toBeGreaterThan(0)
    expect(first.rows.every((r) => r.name.includes('阳光花园'))).toBe(true)
    const everything = await search({})
    expect(everything.total).toBeGreaterThan(300)
    expect(everything.rows).toHaveLength(QUERY_PAGE_SIZE)
    expect(everything.more).toBe(true)
    const dates = everything.rows.map((r) => r.filedAt)
    expect(dates).toEqual([...dates].sort().reverse())
    const second = await search({}, 'demo-manager', 1)
    expect(second.rows[0].filedAt <= dates[dates.length - 1]).toBe(true)
    expect(second.rows.some((r) => everything.rows.some((s) => s._id === r._id))).toBe(false)
  })

  it('narrows by district, then by a 街道 of that district', async () => {
    const district = await searchAll({ district: '南山区' })
    expect(district.length).toBeGreaterThan(20)
    expect(district.every((r) => r.district === '南山区')).toBe(true)
    const street = await searchAll({ district: '南山区', street: '粤海街道' })
    expect(street.length).toBeGreaterThan(0)
    expect(street.length).toBeLessThan(district.length)
    expect(street.every((r) => r.street === '粤海街道')).toBe(true)
    const wrong = await query('filings', { district: '福田区', street: '粤海街道' })
    expectError(wrong, 'BAD_INPUT')
    expect(!wrong.ok && wrong.error.fields).toHaveProperty('street')
    expectError(await query('filings', { street: '粤海街道' }), 'BAD_INPUT')
    expectError(await query.raw({ action: 'filings', district: '深圳区' }), 'BAD_INPUT')
  })

  it("shows another project's restricted filings only to that project", async () => {
    // 海滨广场's contract filings belong to 海滨广场; its public filings are everyone's.
    const own = await searchAll({ name: '海滨广场' }, 'demo-manager2')
    const other = await searchAll({ name: '海滨广场' }, 'demo-manager')
    expect(own.some((r) => !r.public)).toBe(true)
    expect(other.length).toBeGreaterThan(0)
    expect(other.every((r) => r.public)).toBe(true)
    expect(other.map((r) => r._id)).toEqual(own.filter((r) => r.public).map((r) => r._id))
    // And city-wide: nobody else's restricted filing ever reaches 阳光花园's manager.
    const all = await searchAll({ district: '福田区' }, 'demo-manager')
    expect(all.filter((r) => !r.public).map((r) => r.projectId)).toEqual([])
  })

  it('takes keywords literally: pattern characters are characters', async () => {
    const phase = await searchAll({ name: '(一期)' })
    expect(phase.length).toBeGreaterThan(0)
    expect(phase.every((r) => r.name.includes('(一期)'))).toBe(true)
    // As a pattern, "城.一期" would match "城(一期"; as text nothing has it.
    for (const name of ['城.一期', '.*', '.', '%', '_', '*', '^阳光', '[阳]', '\\', '阳光|海滨']) {
      const res = await search({ name })
      expect({ name, total: res.total }).toEqual({ name, total: 0 })
    }
  })

  it('refuses keywords over length or with control characters', async () => {
    const long = await query('filings', { name: '阳'.repeat(31) })
    expectError(long, 'BAD_INPUT')
    expect(!long.ok && long.error.fields).toHaveProperty('name')
    expectError(await query('filings', { name: '阳光\u0000' }), 'BAD_INPUT')
    expectError(await query.raw({ action: 'filings', name: { $regex: '.*' } }), 'BAD_INPUT')
    expect((await search({ name: '阳'.repeat(30) })).total).toBe(0)
  })
})

describe('导出', () => {
  it('writes every matching row the caller may see into a real .xlsx', async () => {
    const filter = { district: '福田区' as const }
    const rows = await searchAll(filter, 'demo-manager')
    expect(rows.length).toBeGreaterThan(QUERY_PAGE_SIZE)
    const exp = expectOk(await query('exportFilings', { ...filter }))
    expect(exp.rows).toBe(rows.length)
    expect(exp.fileName).toMatch(/^备案综合查询_\d{8}-\d{4}\.xlsx$/)
    expect(exp.fileID).toMatch(/^cloud:\/\/.+\/exports\/filings\/a-zhang\/.+\.xlsx$/)
    const bytes = await download(exp.url)
    expect(bytes.length).toBe(exp.bytes)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
    const sheet = readXlsx(bytes)
    expect(sheet.names).toEqual(['备案综合查询'])
    expect(sheet.rows[0][0]).toContain('备案综合查询')
    expect(sheet.rows[1][0]).toBe('查询条件：备案名称：不限；区域：福田区')
    expect(sheet.rows[2][0]).toMatch(/^导出时间：.+导出人：张建国；共 \d+ 条$/)
    expect(sheet.rows[2][0]).toContain(`共 ${rows.length} 条`)
    const header = FILING_COLUMNS.map(([h]) => h)
    expect(sheet.rows[3]).toEqual(header)
    expect(sheet.bold.has('A4')).toBe(true)
    expect(sheet.frozenRows).toBe(4)
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:I1', 'A2:I2', 'A3:I3']))
    const body = sheet.rows.slice(4)
    expect(body).toHaveLength(rows.length)
    // Same rows, same order as the list; none of another project's restricted filings.
    expect(body.map((r) => r[0])).toEqual(rows.map((r) => r.filingNo))
    expect(body.every((r) => r[4] === '福田区')).toBe(true)
    expect(body.some((r) => r[2] === '物业服务合同备案')).toBe(false)
    // Widths fit the longest text, a Chinese character counting as two.
    const nameCol = sheet.cols.find((c) => c.min === 2)!
    const longest = Math.max(...rows.map((r) => r.name.length))
    expect(nameCol.width).toBeGreaterThanOrEqual(Math.min(60, longest * 2))
    const districtCol = sheet.cols.find((c) => c.min === 5)!
    expect(districtCol.width).toBeGreaterThanOrEqual(8)
    expect(districtCol.width).toBeLessThan(nameCol.width)
  })

  it('names each export file with 128 random bits, since its fileID is what lets a phone read it', async () => {
    // docs/storage-rules.json lets a signed-in phone read exports/ by fileID (the function wrote
    // the file, so it has no owner a rule could name): only the exporter may know that name.
    const names = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const exp = expectOk(await query('exportFilings', { name: '海滨广场' }))
      const name = /\/([^/]+)\.xlsx$/.exec(exp.fileID)![1]
      expect(name).toMatch(/-[0-9a-f]{32}$/)
      names.add(name)
    }
    expect(names.size).toBe(2)
  })

  it('exports more rows than one database read returns, in the list order', async () => {
    // Enough public filings to pass a thousand, all filed on one day (the cursor keeps ties apart).
    const filings = connectSdk(cloud.url).database().collection('filings')
    for (let i = 0; i < 300; i++) {
      const filingNo = `SZTEST${String(i).padStart(6, '0')}`
      await filings.add({
        data: {
          _id: `fl-${filingNo}`,
          filingNo,
          name: `批量测试小区${i}物业服务项目备案`,
          kind: 'project',
          public: true,
          projectId: `p-test-${i}`,
          projectName: `批量测试小区${i}`,
          district: '光明区',
          street: '光明街道',
          company: '深圳市光明物业服务有限公司',
          filedAt: '2020-02-02',
          status: 'filed',
          order: `2020-02-02|${filingNo}`,
        },
      })
    }
    const total = (await search({})).total
    expect(total).toBeGreaterThan(1000)
    const exp = expectOk(await query('exportFilings', {}))
    expect(exp.rows).toBe(total)
    const body = readXlsx(await download(exp.url)).rows.slice(4)
    expect(body).toHaveLength(total)
    expect(new Set(body.map((r) => r[0])).size).toBe(total)
    const dates = body.map((r) => r[7])
    expect(dates).toEqual([...dates].sort().reverse())
  }, 30_000)

  it("writes the caller's own restricted filings and the filter it was given", async () => {
    const exp = expectOk(await query('exportFilings', { name: '阳光花园' }))
    const sheet = readXlsx(await download(exp.url))
    expect(sheet.rows[1][0]).toBe('查询条件：备案名称：包含“阳光花园”；区域：全市')
    const kinds = sheet.rows.slice(4).map((r) => r[2])
    expect(kinds).toContain('物业服务合同备案')
    const theirs = expectOk(await query('exportFilings', { name: '阳光花园' }, 'demo-manager2'))
    const theirKinds = readXlsx(await download(theirs.url))
      .rows.slice(4)
      .map((r) => r[2])
    expect(theirKinds).not.toContain('物业服务合同备案')
    expect(theirs.rows).toBeLessThan(exp.rows)
  })

  it('leaves an audit row with the count, and refuses an export of nothing', async () => {
    const exp = expectOk(await query('exportFilings', { name: '海滨广场' }))
    const exportId = /([^/]+)\.xlsx$/.exec(exp.fileID)![1]
    const [row] = await cloud.collection<{ label: string; detail: { rows: number } }>('audit_log', {
      targetId: exportId,
    })
    expect(row.label).toBe('导出备案')
    expect(row.detail.rows).toBe(exp.rows)
    const none = await query('exportFilings', { name: '不存在的小区名' })
    expectError(none, 'BAD_INPUT')
    expect(!none.ok && none.error.message).toContain('没有符合条件')
    expectError(
      await query('exportFilings', { district: '福田区', street: '粤海街道' }),
      'BAD_INPUT',
    )
  })
})

interface TrainingRow {
  _id: string
  name: string
  idNoMasked: string
  projectName: string
  company: string
  startDate: string
  totalHours: number
  result: string
}

async function training(filter: Record<string, unknown>, openid = 'demo-manager') {
  return expectOk(await query('training', { ...filter }, openid)) as {
    rows: TrainingRow[]
    total: number
    more: boolean
  }
}

const ZHANG_ID = '440305197804120318'

describe('企业人员培训结果', () => {
  it("lists the company's staff only, masked, newest start first", async () => {
    const all = await training({})
    expect(all.total).toBeGreaterThan(100)
    expect(all.rows.every((r) => r.company === '深圳市安居物业管理有限公司')).toBe(true)
    const starts = all.rows.map((r) => r.startDate)
    expect(starts).toEqual([...starts].sort().reverse())
    const theirs = await training({}, 'demo-manager2')
    expect(theirs.rows.every((r) => r.company === '深圳市鹏城物业服务有限公司')).toBe(true)
    // No full 身份证号码 leaves the function, in any answer.
    const text = JSON.stringify([all, theirs])
    expect(text).not.toMatch(/\d{17}[\dX]/)
    expect(all.rows[0].idNoMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
  })

  it('searches by 姓名, 身份证号码, 小区, 公司名称 and 开始时间, in any combination', async () => {
    const byId = await training({ idNo: ZHANG_ID })
    expect(byId.rows.map((r) => r.name)).toEqual(['张建国'])
    expect(byId.rows[0].idNoMasked).toBe('440305********0318')
    // Lower-case x and spaces around are the same number; a partial number is refused.
    expectError(await query('training', { idNo: '4403051978' }), 'BAD_INPUT')
    const byName = await training({ name: '张' })
    expect(byName.total).toBeGreaterThan(1)
    expect(byName.rows.every((r) => r.name.includes('张'))).toBe(true)
    const byProject = await training({ project: '阳光花园' })
    expect(byProject.rows.every((r) => r.projectName.includes('阳光花园'))).toBe(true)
    expect(byProject.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['张建国']))
    const combined = await training({ name: '张建国', project: '阳光', company: '安居' })
    expect(combined.rows.map((r) => r.idNoMasked)).toContain('440305********0318')
    const from = all0Start(byName.rows)
    const ranged = await training({ startFrom: from, startTo: '2099-12-31' })
    expect(ranged.rows.every((r) => r.startDate >= from)).toBe(true)
    const reversed = await query('training', {
      startFrom: '2026-05-01',
      startTo: '2026-01-01',
    })
    expectError(reversed, 'BAD_INPUT')
    expect(!reversed.ok && reversed.error.fields).toHaveProperty('startTo')
    expectError(await query('training', { startFrom: '2026-02-30' }), 'BAD_INPUT')
    // A company it does not serve: nothing, not an error.
    expect((await training({ company: '鹏城' })).total).toBe(0)
    expect((await training({ name: '.*' })).total).toBe(0)
  })

  it('shows 详情 with courses, hours, results and certificate; not across companies', async () => {
    const [row] = (await training({ idNo: ZHANG_ID })).rows
    const detail = expectOk(await query('trainingDetail', { resultId: row._id }))
    expect(detail.idNoMasked).toBe('440305********0318')
    expect(JSON.stringify(detail)).not.toContain(ZHANG_ID)
    expect(detail.courses.length).toBeGreaterThanOrEqual(3)
    const hours = detail.courses
      .filter((c: { passed: boolean }) => c.passed)
      .reduce((s: number, c: { hours: number }) => s + c.hours, 0)
    expect(detail.totalHours).toBe(hours)
    expect(detail.result).toBe('passed')
    expect(detail.certificate!.no).toMatch(/^SZWX\d{10}$/)
    expect(detail.certificate!.issuer).toBe('深圳市物业管理行业协会')
    expectError(await query('trainingDetail', { resultId: row._id }, 'demo-manager2'), 'NOT_FOUND')
    expect((await training({ idNo: ZHANG_ID }, 'demo-manager2')).total).toBe(0)
  })

  it('lists what the training module records, in either of its shapes', async () => {
    // The training function's record of the demo handler's finished course (demo data).
    const li = await training({ name: '李晓华' })
    const record = li.rows.find((r) => r._id === 'tr_a-li')
    expect(record).toBeDefined()
    expect(record!.result).toBe('passed')
    const detail = expectOk(await query('trainingDetail', { resultId: 'tr_a-li' }))
    expect(detail.courses).toHaveLength(1)
    expect(detail.totalHours).toBe(detail.courses[0].hours)
    // A TrainingResult written by another function is found by every filter.
    const sdk = connectSdk(cloud.url)
    await sdk
      .database()
      .collection('training_results')
      .add({
        data: {
          _id: 'tr-written',
          name: '周海燕',
          idNo: '44030419900101002X',
          accountId: 'a-zhou',
          position: '客服专员',
          projectId: 'p-yangguang',
          projectName: '阳光花园',
          company: '深圳市安居物业管理有限公司',
          startDate: '2026-11-02',
          endDate: null,
          courses: [{ title: '物业服务区域消防安全管理', hours: 6, passed: false }],
          totalHours: 0,
          result: 'inProgress',
          certificate: null,
          updatedAt: Date.now(),
        },
      })
    const found = await training({ idNo: '44030419900101002x', startFrom: '2026-11-01' })
    expect(found.rows.map((r) => [r._id, r.idNoMasked, r.result])).toEqual([
      ['tr-written', '440304********002X', 'inProgress'],
    ])
  })
})

function all0Start(rows: TrainingRow[]): string {
  return [...rows.map((r) => r.startDate)].sort()[Math.floor(rows.length / 2)]
}

// ---- sorting on request (a computer's table header: PagedList's sortKey) ----------------------

type Order = 'asc' | 'desc'
type Value = string | number

/** `rows` ordered by `keys` in turn (each a value and a direction), as the database orders them. */
function orderedBy<T>(rows: T[], keys: [(row: T) => Value, Order][]): T[] {
  return [...rows].sort((a, b) => {
    for (const [value, order] of keys) {
      const [x, y] = [value(a), value(b)]
      if (x !== y) return (x < y ? -1 : 1) * (order === 'asc' ? 1 : -1)
    }
    return 0
  })
}

const ids = (rows: { _id: string }[]) => rows.map((r) => r._id)

/** Every page of `action` with `input`, and page 0's total. */
async function pagesOf<T>(
  action: 'filings' | 'training',
  input: Record<string, unknown>,
  openid = 'demo-manager',
) {
  const rows: T[] = []
  let total = -1
  for (let page = 0; ; page++) {
    const res = expectOk(await query.raw({ action, ...input, page }, openid)) as {
      rows: T[]
      total: number
      more: boolean
    }
    if (page === 0) total = res.total
    rows.push(...res.rows)
    if (!res.more) return { rows, total }
  }
}

/** A BAD_INPUT naming `sort` (or a field of it), in Chinese. */
function expectBadSort(reply: Awaited<ReturnType<typeof query.raw>>): void {
  expectError(reply, 'BAD_INPUT')
  const fields = reply.ok ? {} : (reply.error.fields ?? {})
  const named = Object.keys(fields).filter((k) => k === 'sort' || k.startsWith('sort.'))
  expect(named.length).toBeGreaterThan(0)
  expect(named.map((k) => fields[k])).toEqual(named.map(() => expect.stringMatching(/排序|字段/)))
}

const BAD_SORTS: unknown[] = [
  { by: 'idNo', order: 'asc' },
  { by: 'name', order: 'up' },
  { by: 'name', order: 'asc', then: '_id' },
  { by: 'name' },
  'name',
  ['name', 'asc'],
  { by: { $ne: null }, order: 'asc' },
]

describe('sorted on request, the whole list', () => {
  const filingKeys: Record<string, (o: Order) => [(r: Row) => Value, Order][]> = {
    // 备案日期, then 备案编号 (the list's `order` key, unique).
    filedAt: (o) => [
      [(r) => r.filedAt, o],
      [(r) => r.filingNo, o],
    ],
    name: (o) => [
      [(r) => r.name, o],
      [(r) => r._id, o],
    ],
  }

  it('reads every filing once, page after page, by 备案名称 or 备案日期 either way, total unchanged', async () => {
    for (const filter of [{}, { district: '南山区' }, { name: '花园' }]) {
      const own = await pagesOf<Row>('filings', filter)
      expect(own.rows.length).toBeGreaterThan(20)
      for (const by of ['name', 'filedAt'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const got = await pagesOf<Row>('filings', { ...filter, sort: { by, order } })
          const want = orderedBy(own.rows, filingKeys[by](order))
          expect({ filter, by, order, ids: ids(got.rows) }).toEqual({
            filter,
            by,
            order,
            ids: ids(want),
          })
          expect(got.total).toBe(own.total)
        }
      }
    }
    // As a page asks (the contract's types): page 1 is the first 20 of the whole list's order.
    const first = expectOk(
      await query('filings', { district: '南山区', sort: { by: 'name', order: 'asc' }, page: 0 }),
    )
    const nanshan = await pagesOf<Row>('filings', { district: '南山区' })
    expect(ids(first.rows)).toEqual(
      ids(orderedBy(nanshan.rows, filingKeys.name('asc'))).slice(0, 20),
    )
    // Without a sort, the list's own order: newest first.
    const own = await pagesOf<Row>('filings', { district: '南山区' })
    expect(ids(own.rows)).toEqual(ids(orderedBy(own.rows, filingKeys.filedAt('desc'))))
  })

  it('keeps the filters and what each caller may see when sorted', async () => {
    const filter = { district: '南山区', street: '粤海街道' }
    for (const openid of ['demo-manager', 'demo-manager2']) {
      const own = await pagesOf<Row>('filings', filter, openid)
      const got = await pagesOf<Row>(
        'filings',
        { ...filter, sort: { by: 'name', order: 'desc' } },
        openid,
      )
      expect(ids(got.rows)).toEqual(ids(orderedBy(own.rows, filingKeys.name('desc'))))
      expect(got.rows.every((r) => r.street === '粤海街道')).toBe(true)
      // Whose restricted filings: every caller sees only its own, in any order.
      const all = await pagesOf<Row>('filings', { sort: { by: 'filedAt', order: 'asc' } }, openid)
      const mine = new Set(ids((await searchAll({}, openid)).filter((r) => !r.public)))
      const restricted = all.rows.filter((r) => !r.public)
      expect(restricted.length).toBeGreaterThan(0)
      expect(restricted.every((r) => mine.has(r._id))).toBe(true)
    }
  })

  const trainingKeys: Record<string, (o: Order) => [(r: TrainingRow) => Value, Order][]> = {
    name: (o) => [
      [(r) => r.name, o],
      [(r) => r._id, o],
    ],
    // Descending is the list's own order (ties by _id ascending); ascending is it backwards.
    startDate: (o) => [
      [(r) => r.startDate, o],
      [(r) => r._id, o === 'asc' ? 'desc' : 'asc'],
    ],
    totalHours: (o) => [
      [(r) => r.totalHours, o],
      [(r) => r._id, o],
    ],
  }

  it('reads every training result once by 姓名, 开始时间 or 学时 either way, filters kept', async () => {
    for (const filter of [{}, { project: '阳光花园' }, { startFrom: '2025-01-01' }]) {
      const own = await pagesOf<TrainingRow>('training', filter)
      expect(own.rows.length).toBeGreaterThan(1)
      for (const by of ['name', 'startDate', 'totalHours'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          const got = await pagesOf<TrainingRow>('training', { ...filter, sort: { by, order } })
          const want = orderedBy(own.rows, trainingKeys[by](order))
          expect({ filter, by, order, ids: ids(got.rows) }).toEqual({
            filter,
            by,
            order,
            ids: ids(want),
          })
          expect(got.total).toBe(own.total)
        }
      }
    }
    // 学时 has ties: the whole list still holds each result once.
    const hours = (await pagesOf<TrainingRow>('training', {})).rows.map((r) => r.totalHours)
    expect(new Set(hours).size).toBeLessThan(hours.length)
  })

  it('refuses a sort it does not offer, whatever its shape', async () => {
    for (const action of ['filings', 'training'] as const) {
      for (const sort of BAD_SORTS) expectBadSort(await query.raw({ action, sort }))
    }
    // 学时 is a training result's, not a filing's.
    expectBadSort(await query.raw({ action: 'filings', sort: { by: 'totalHours', order: 'asc' } }))
  })
})
