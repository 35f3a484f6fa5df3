/**
 * 信息公开 through the real disclosure function: publishing with attachments the caller uploaded
 * (in parts, the H5 way), the statistics following every publication, 作废 and 删除, the list's
 * filters and pages, in its own order or a table's (page after page the whole list), expiry; and
 * what it refuses — dates out of order, others' or reused files, files that are not what they
 * claim, an unknown order, another project's notices, two phones at once, retries.
 */
import { request } from 'node:http'
import { connectSdk, result, SDK_ENV } from '../local-cloud/sdk'
import {
  DisclosureContract,
  ATTACHMENT_PART_BYTES,
  chinaDay,
  NOTICE_PAGE_SIZE,
  NOTICE_SORTS,
  type NoticeSort,
} from '../../types/disclosure'
import { clock, expectError, expectOk, newRequestId, caller } from './helpers'
import { allPages } from './registered'
import { makeEnv, type Env } from './samples/kit'
import { noticeInput, published } from './samples/disclosure'
import { barChartPng, tinyPdf } from '../../server/seed/disclosure'
import { fileCloud } from './setup'

// Many calls per test on two shared cores: room beyond jest's 5 s.
jest.setTimeout(30_000)

const cloud = fileCloud({ env: SDK_ENV })
let env: Env
const DAY = 86_400_000

const disclosure = caller(cloud, DisclosureContract, 'demo-handler')
const stats = async (openid = 'demo-handler') => expectOk(await disclosure('stats', {}, openid))
const listOf = async (query: Record<string, unknown> = {}, openid = 'demo-handler') =>
  expectOk(await disclosure('list', { ...query }, openid)) as {
    rows: { _id: string; state: string; title: string; category: string }[]
    more: boolean
  }

/** A PDF of about `size` bytes (a real one, padded with a comment). */
function pdfOf(size: number): Buffer {
  const pdf = tinyPdf('statement')
  return Buffer.concat([pdf, Buffer.from(`%${'x'.repeat(Math.max(0, size - pdf.length - 2))}\n`)])
}

/** Uploads `bytes` as the H5 page does: a slot, then the parts in order; resolves to the fileID. */
async function upload(
  bytes: Buffer,
  ext: 'pdf' | 'png' | 'jpg',
  openid = 'demo-handler',
  name = `附件.${ext}`,
): Promise<string> {
  const slot = expectOk(
    await disclosure('attachmentSlot', { name, ext, size: bytes.length }, openid),
  )
  const parts = Math.ceil(bytes.length / ATTACHMENT_PART_BYTES)
  let fileID: string | null = null
  for (let part = 0; part < parts; part++) {
    const chunk = bytes.subarray(part * ATTACHMENT_PART_BYTES, (part + 1) * ATTACHMENT_PART_BYTES)
    fileID = expectOk(
      await disclosure(
        'uploadAttachment',
        { cloudPath: slot.cloudPath, part, parts, dataBase64: chunk.toString('base64') },
        openid,
      ),
    ).fileID
  }
  return fileID!
}

function fetchBytes(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: Buffer.concat(chunks),
        }),
      )
    })
      .on('error', reject)
      .end()
  })
}

beforeAll(async () => {
  env = makeEnv(cloud, 'ds')
}, 60_000)

describe('publishing with attachments', () => {
  it('publishes a notice with a PDF of several parts and an image; the detail serves them', async () => {
    const pdf = pdfOf(ATTACHMENT_PART_BYTES * 2 + 1000)
    const png = barChartPng([3, 2, 1])
    const pdfId = await upload(pdf, 'pdf', 'demo-handler', '收支明细.pdf')
    const pngId = await upload(png, 'png', 'demo-handler', '汇总表.png')
    const before = await stats()
    const n = expectOk(
      await disclosure('publish', {
        ...noticeInput('2026年10月物业服务费收支公示'),
        category: '财务收支',
        attachments: [
          { fileID: pdfId, name: '收支明细.pdf' },
          { fileID: pngId, name: '汇总表.png' },
        ],
      }),
    )
    expect(n.attachments).toEqual([
      { fileID: pdfId, name: '收支明细.pdf', kind: 'pdf', size: pdf.length },
      { fileID: pngId, name: '汇总表.png', kind: 'image', size: png.length },
    ])
    const d = expectOk(await disclosure('detail', { noticeId: n._id }, 'demo-manager'))
    expect(d.notice).toMatchObject({ state: 'active', publishedByName: '李晓华' })
    expect(d.trail[0]).toMatchObject({ label: '发布信息公开' })
    const served = await fetchBytes(d.urls[pdfId])
    expect(served).toMatchObject({ status: 200, type: 'application/pdf' })
    expect(served.body.equals(pdf)).toBe(true)
    expect((await fetchBytes(d.urls[pngId])).body.equals(png)).toBe(true)
    const after = await stats()
    expect(after.published).toBe(before.published + 1)
    expect(after.active).toBe(before.active + 1)
    expect(after.thisMonth).toBe(before.thisMonth + 1)
    const finance = (s: typeof after) =>
      s.byCategory.find((c: { category: string }) => c.category === '财务收支')?.count ?? 0
    expect(finance(after)).toBe(finance(before) + 1)
  })

  it('keeps a copy of what the weapp page uploaded itself: the notice names it, and the phone writing its upload again changes nothing', async () => {
    const pdf = pdfOf(3000)
    const slot = expectOk(
      await disclosure('attachmentSlot', { name: '合同.pdf', ext: 'pdf', size: pdf.length }),
    )
    // What wx.cloud.uploadFile does on the phone: the file lands at the slot's path, the
    // phone's own (the storage rules let it write it again).
    const sdk = connectSdk(cloud.url)
    const put = (bytes: Buffer) =>
      result<{ fileID: string }>(sdk.uploadFile({ cloudPath: slot.cloudPath, fileContent: bytes }))
    const raw = (await put(pdf)).fileID
    const attach = (fileID: string) => [{ fileID, name: '合同.pdf' }]
    // The phone's own file is not what a notice names.
    const refused = await disclosure('publish', { ...noticeInput(), attachments: attach(raw) })
    expect(!refused.ok && refused.error.fields).toEqual({
      'attachments.0.fileID': '附件无效，请重新上传',
    })

    // Twice at once, then again: one copy, under kept/ where only functions write.
    const keep = () => disclosure('keepAttachment', { cloudPath: slot.cloudPath, fileID: raw })
    const burst = (await Promise.all([keep(), keep()])).map((r) => expectOk(r).fileID)
    const kept = expectOk(await keep()).fileID
    expect(burst).toEqual([kept, kept])
    expect(kept).toMatch(/^cloud:\/\/[^/]+\/kept\/disclosure\/p-yangguang\//)

    const n = expectOk(
      await disclosure('publish', { ...noticeInput('合同订立公示'), attachments: attach(kept) }),
    )
    expect(n.attachments[0]).toMatchObject({ fileID: kept, kind: 'pdf', size: pdf.length })
    // The phone writes its upload again: the notice's file is what was published.
    await put(pdfOf(5000))
    const d = expectOk(await disclosure('detail', { noticeId: n._id }, 'demo-manager'))
    expect((await fetchBytes(d.urls[kept])).body.equals(pdf)).toBe(true)
    // Published: the slot takes nothing more.
    expectError(await keep(), 'BAD_INPUT')
  })

  it('keeps only the caller’s own upload at its slot, of the kind and size it announced', async () => {
    const pdf = pdfOf(3000)
    const slotFor = async (size = pdf.length, openid = 'demo-handler') =>
      expectOk(await disclosure('attachmentSlot', { name: 'a.pdf', ext: 'pdf', size }, openid))
        .cloudPath
    const sdk = connectSdk(cloud.url)
    const put = async (cloudPath: string, bytes: Buffer) =>
      (await result<{ fileID: string }>(sdk.uploadFile({ cloudPath, fileContent: bytes }))).fileID
    const keep = (cloudPath: string, fileID: string, openid = 'demo-handler') =>
      disclosure('keepAttachment', { cloudPath, fileID }, openid)

    // Nothing uploaded yet; another slot's file; a file that is not a PDF; another size.
    const empty = await slotFor()
    expectError(await keep(empty, `cloud://local-env.local-cloud/${empty}`), 'BAD_INPUT')
    const other = await slotFor()
    const otherId = await put(other, pdf)
    expectError(await keep(empty, otherId), 'BAD_INPUT')
    const fake = await slotFor()
    expectError(await keep(fake, await put(fake, Buffer.alloc(pdf.length, 1))), 'BAD_INPUT')
    const short = await slotFor(pdf.length + 10)
    expectError(await keep(short, await put(short, pdf)), 'BAD_INPUT')
    // Someone else's slot.
    const theirs = await slotFor(pdf.length, 'demo-manager')
    expectError(await keep(theirs, await put(theirs, pdf)), 'BAD_INPUT')
    // The caller's own, as announced: kept.
    expectOk(await keep(other, otherId))
  })

  it('refuses files that are not the caller’s, not uploaded, used already, or made up', async () => {
    const others = await upload(pdfOf(2000), 'pdf', 'demo-manager')
    const slot = expectOk(
      await disclosure('attachmentSlot', { name: 'a.pdf', ext: 'pdf', size: 100 }),
    )
    const notUploaded = `cloud://local-env.local-cloud/${slot.cloudPath}`
    const used = await disclosure('detail', { noticeId: 'n-finance-2026q3' })
    const seeded = expectOk(used).notice.attachments[0].fileID
    const mine = await upload(pdfOf(2000), 'pdf')
    for (const fileID of [
      others,
      notUploaded,
      seeded,
      'cloud://local-env.local-cloud/disclosure/p-yangguang/fake.pdf',
    ]) {
      const reply = await disclosure('publish', {
        ...noticeInput(),
        attachments: [
          { fileID: mine, name: 'ok.pdf' },
          { fileID, name: 'x.pdf' },
        ],
      })
      expect(!reply.ok && reply.error.fields).toEqual({
        'attachments.1.fileID': '附件无效，请重新上传',
      })
    }
    // Published once, the file cannot go into a second notice.
    const first = { ...noticeInput(), attachments: [{ fileID: mine, name: 'a.pdf' }] }
    expectOk(await disclosure('publish', first))
    const second = await disclosure('publish', { ...first, requestId: newRequestId() })
    expect(!second.ok && second.error.fields).toEqual({
      'attachments.0.fileID': '附件无效，请重新上传',
    })
  })

  it('takes only what the slot declared: the type by its bytes, the size, the parts in order', async () => {
    const slotFor = async (ext: 'pdf' | 'jpg' | 'png', size: number, openid = 'demo-handler') =>
      expectOk(await disclosure('attachmentSlot', { name: `f.${ext}`, ext, size }, openid))
        .cloudPath as string
    const send = (cloudPath: string, part: number, parts: number, bytes: Buffer, openid?: string) =>
      disclosure(
        'uploadAttachment',
        {
          cloudPath,
          part,
          parts,
          dataBase64: bytes.toString('base64'),
        },
        openid,
      )
    const svg = Buffer.from('<svg onload=alert(1)></svg>')
    const asPdf = await slotFor('pdf', svg.length)
    const fake = await send(asPdf, 0, 1, svg)
    expect(!fake.ok && fake.error.fields).toEqual({ dataBase64: '文件不是PDF 文件' })
    const png = barChartPng([1])
    const asPng = await slotFor('png', png.length)
    expectError(await send(asPng, 0, 1, png.subarray(0, 100)), 'BAD_INPUT')
    expectError(await send(asPng, 0, 1, png, 'demo-manager'), 'BAD_INPUT')
    const big = pdfOf(ATTACHMENT_PART_BYTES + 10)
    const twoParts = await slotFor('pdf', big.length)
    const skipped = await send(twoParts, 1, 2, big.subarray(ATTACHMENT_PART_BYTES))
    expect(!skipped.ok && skipped.error.fields).toEqual({ part: '分片顺序错误' })
    expectError(await send(twoParts, 0, 1, big), 'BAD_INPUT')
    const tooBig = await disclosure('attachmentSlot', {
      name: 'big.pdf',
      ext: 'pdf',
      size: 11 * 1024 * 1024,
    })
    expectError(tooBig, 'BAD_INPUT')
    const exe = await disclosure.raw({
      action: 'attachmentSlot',
      name: 'a.exe',
      ext: 'exe',
      size: 10,
    })
    expect(!exe.ok && exe.error.fields).toEqual({ ext: '仅支持 JPG、PNG 图片或 PDF 文件' })
    expect(
      await cloud.collection('notices', { 'attachments.0.fileID': { $regex: twoParts } }),
    ).toEqual([])
  })
})

describe('rules of a notice', () => {
  it('refuses dates out of order, a period already over or too long, blanks and long text', async () => {
    const today = chinaDay(Date.now())
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [
        { validFrom: today, validUntil: chinaDay(Date.now() - 3 * DAY) },
        { validUntil: '结束日期不能早于开始日期' },
      ],
      [
        { validFrom: chinaDay(Date.now() - 9 * DAY), validUntil: chinaDay(Date.now() - 2 * DAY) },
        { validUntil: '有效期已过，不能发布已过期的信息' },
      ],
      [{ validUntil: chinaDay(Date.now() + 2000 * DAY) }, { validUntil: '有效期不能超过5年' }],
      [
        { validFrom: '2026-02-30' },
        { validFrom: '有效期开始日期格式不正确，应为有效日期（如2026-05-08）' },
      ],
      [{ title: '  ' }, { title: '请填写标题' }],
      [{ title: '标'.repeat(61) }, { title: '标题不能超过60个字' }],
      [{ content: '内'.repeat(5001) }, { content: '内容不能超过5000个字' }],
      [{ content: '第一行\u0000' }, { content: '内容包含无效字符' }],
      [{ category: '物业八卦' }, { category: '请选择公开类别' }],
    ]
    const before = await cloud.collection('notices')
    for (const [change, fields] of cases) {
      const reply = await disclosure('publish', { ...noticeInput(), ...change })
      expect(!reply.ok && reply.error.fields).toEqual(fields)
    }
    expect((await cloud.collection('notices')).length).toBe(before.length)
    // Line breaks belong in a notice's content.
    expect(
      expectOk(await disclosure('publish', { ...noticeInput(), content: '第一行\n第二行' }))
        .content,
    ).toBe('第一行\n第二行')
  })
})

describe('作废 and 删除, with the statistics following', () => {
  it('a voided notice stays listed as voided; a deleted one leaves the list and the statistics', async () => {
    const a = await published(env, 'demo-handler', '待作废的通知')
    const b = await published(env, 'demo-handler', '误发的通知')
    const before = await stats()
    const noReason = await disclosure('void', {
      noticeId: a._id,
      version: a.version,
      reason: '',
    })
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: '请填写作废原因' })
    const voided = expectOk(
      await disclosure('void', {
        noticeId: a._id,
        version: a.version,
        reason: '活动已取消',
      }),
    )
    expect(voided).toMatchObject({
      status: 'voided',
      voidReason: '活动已取消',
      voidedByName: '李晓华',
    })
    const noConfirm = await disclosure.raw({
      action: 'remove',
      noticeId: b._id,
      version: b.version,
    })
    expect(!noConfirm.ok && noConfirm.error.fields).toEqual({ confirm: '请确认删除' })
    expectOk(
      await disclosure(
        'remove',
        { noticeId: b._id, version: b.version, confirm: true },
        'demo-manager',
      ),
    )
    const after = await stats()
    expect(after).toMatchObject({
      // The voided one is still published (listed, counted by its category); the deleted one not.
      published: before.published - 1,
      active: before.active - 2,
      voided: before.voided + 1,
      thisMonth: before.thisMonth - 1,
    })
    // 已发布 and the category chips count the same notices.
    expect(after.published).toBe(after.active + after.expired + after.voided)
    expect(after.byCategory.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(
      after.published,
    )
    const all = await listOf()
    expect(all.rows.find((r) => r._id === a._id)).toMatchObject({ state: 'voided' })
    expect(all.rows.some((r) => r._id === b._id)).toBe(false)
    expect((await listOf({ state: 'voided' })).rows.map((r) => r._id)).toContain(a._id)
    expectError(await disclosure('detail', { noticeId: b._id }), 'NOT_FOUND')
    // Kept in the audit trail, with what it was.
    const [row] = await cloud.collection<{
      label: string
      actorName: string
      detail: { title: string }
    }>('audit_log', { targetId: b._id, action: 'remove' })
    expect(row).toMatchObject({
      label: '删除信息公开',
      actorName: '张建国',
      detail: { title: '误发的通知' },
    })
    // Neither can be voided or deleted again.
    expectError(
      await disclosure('void', { noticeId: a._id, version: 2, reason: '再次作废' }),
      'INVALID_STATE',
    )
    expectError(
      await disclosure('remove', { noticeId: b._id, version: 2, confirm: true }),
      'NOT_FOUND',
    )
  })

  it('void and delete at once from two phones: one wins, the other gets CONFLICT', async () => {
    const n = await published(env)
    const replies = await Promise.all([
      disclosure('void', { noticeId: n._id, version: n.version, reason: '已过期' }),
      disclosure('remove', { noticeId: n._id, version: n.version, confirm: true }, 'demo-manager'),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
  })

  it('a retried publish creates one notice', async () => {
    const event = { ...noticeInput('重试的公示') }
    const replies = await Promise.all([disclosure('publish', event), disclosure('publish', event)])
    const again = await disclosure('publish', event)
    expect([...replies, again].filter((r) => r.ok).length).toBeGreaterThanOrEqual(2)
    expect(await cloud.collection('notices', { title: '重试的公示' })).toHaveLength(1)
  })

  it('another project’s manager neither reads nor changes this project’s notices', async () => {
    const n = await published(env)
    expectError(await disclosure('detail', { noticeId: n._id }, 'demo-manager2'), 'NOT_FOUND')
    const v = { noticeId: n._id, version: n.version, reason: '越权' }
    expectError(await disclosure('void', v, 'demo-manager2'), 'NOT_FOUND')
    expectError(
      await disclosure('void', { ...v, projectId: 'p-yangguang' }, 'demo-manager2'),
      'FORBIDDEN',
    )
    const theirs = await listOf({}, 'demo-manager2')
    expect(theirs.rows.map((r) => r._id)).toEqual(['n-haibin-fee'])
  })
})

describe('the list', () => {
  it('filters by category, state and date, and pages', async () => {
    for (let i = 0; i < 12; i++) {
      expectOk(
        await disclosure('publish', { ...noticeInput(`合同订立公示 ${i}`), category: '合同订立' }),
      )
    }
    const first = await listOf({ category: '合同订立' })
    expect(first.rows).toHaveLength(10)
    expect(first.more).toBe(true)
    expect(first.rows[0].title).toBe('合同订立公示 11')
    const second = await listOf({ category: '合同订立', page: 1 })
    expect(second.rows.map((r) => r.title)).toEqual(['合同订立公示 1', '合同订立公示 0'])
    expect(second.more).toBe(false)
    const today = chinaDay(Date.now())
    const yesterday = chinaDay(Date.now() - DAY)
    expect((await listOf({ category: '合同订立', from: today, to: today })).rows).toHaveLength(10)
    expect((await listOf({ category: '合同订立', to: yesterday })).rows).toHaveLength(0)
    const expired = await listOf({ state: 'expired' })
    expect(expired.rows.map((r) => r._id)).toContain('n-fund-wall')
    expect(expired.rows.every((r) => r.state === 'expired')).toBe(true)
    const wrong = await disclosure('list', { from: today, to: yesterday })
    expect(!wrong.ok && wrong.error.fields).toEqual({ to: '结束日期不能早于开始日期' })
  })
})

describe('the list in a table’s order', () => {
  type Row = { _id: string; category: string; state: string } & Record<NoticeSort['by'], unknown>
  const pagesOf = (query: Record<string, unknown>) =>
    allPages<Row>((page) => disclosure('list', { ...query, page }))
  /** `rows` as the function should order them: by the field, ties by _id, one direction. */
  const inOrder = (rows: Row[], { by, order }: NoticeSort) => {
    const cmp = (x: unknown, y: unknown) => (`${x}` < `${y}` ? -1 : `${x}` > `${y}` ? 1 : 0)
    const sign = order === 'asc' ? 1 : -1
    return [...rows].sort((a, b) => sign * (cmp(a[by], b[by]) || cmp(a._id, b._id)))
  }
  let all: Row[]

  beforeAll(async () => {
    // Notices enough for several pages, a dozen of them valid until the same day and published
    // within moments of each other: ties the pages must not repeat or skip.
    for (let i = 0; i < 12; i++) {
      expectOk(
        await disclosure('publish', {
          ...noticeInput(`同日到期的公示 ${i}`, 45),
          category: '其他',
        }),
      )
    }
    all = (await pagesOf({})).flat()
  })

  it.each(NOTICE_SORTS.flatMap((by) => (['asc', 'desc'] as const).map((order) => ({ by, order }))))(
    'by $by $order: page after page the whole list in that order, each notice once',
    async (sort) => {
      const pages = await pagesOf({ sort })
      expect(pages.length).toBeGreaterThan(1)
      expect(pages.slice(0, -1).every((p) => p.length === NOTICE_PAGE_SIZE)).toBe(true)
      const ids = pages.flat().map((n) => n._id)
      expect(ids).toEqual(inOrder(all, sort).map((n) => n._id))
      expect(new Set(ids).size).toBe(all.length)
    },
  )

  it('orders 有效期至 by its day, not by when the notice was published', async () => {
    const asc = (await pagesOf({ sort: { by: 'validUntil', order: 'asc' } })).flat()
    const days = asc.map((n) => n.validUntil as string)
    expect(days).toEqual([...days].sort())
    expect(asc.map((n) => n._id)).not.toEqual(
      inOrder(all, { by: 'publishedAt', order: 'asc' }).map((n) => n._id),
    )
  })

  it('keeps the filters with a sort', async () => {
    const sort = { by: 'validUntil', order: 'desc' } as const
    const other = (await pagesOf({ category: '其他', sort })).flat()
    expect(other.length).toBeGreaterThanOrEqual(12)
    expect(other.map((n) => n._id)).toEqual(
      inOrder(
        all.filter((n) => n.category === '其他'),
        sort,
      ).map((n) => n._id),
    )
    const voided = (await pagesOf({ state: 'voided', sort })).flat()
    expect(voided.length).toBeGreaterThan(0)
    expect(voided.map((n) => n._id)).toEqual(
      inOrder(
        all.filter((n) => n.state === 'voided'),
        sort,
      ).map((n) => n._id),
    )
  })

  it('refuses a sort it does not know, with no rows', async () => {
    const cases: unknown[] = [
      { by: 'title', order: 'asc' },
      { by: 'validUntil', order: 'up' },
      { by: 'validUntil' },
      { by: 'validUntil', order: 'asc', extra: 1 },
      { by: { $ne: '' }, order: 'asc' },
      'validUntil',
      null,
    ]
    for (const sort of cases) {
      const reply = await disclosure.raw({ action: 'list', sort })
      expectError(reply, 'BAD_INPUT')
      expect({ sort, data: (reply as { data?: unknown }).data }).toEqual({ sort, data: undefined })
      expect(Object.keys(!reply.ok && reply.error.fields ? reply.error.fields : {})).toEqual([
        expect.stringMatching(/^sort(\.|$)/),
      ])
    }
  })
})

describe('expiry', () => {
  // Last: it moves the functions' clock forward.
  it('a notice past its validity shows as 已过期 and counts as expired', async () => {
    const n = await published(env, 'demo-handler', '短期通知')
    const before = await stats()
    await clock(cloud)(32 * DAY)
    const d = expectOk(await disclosure('detail', { noticeId: n._id }))
    expect(d.notice.state).toBe('expired')
    const after = await stats()
    expect(after.expired).toBeGreaterThan(before.expired)
    expect(after.published).toBe(before.published)
    expect((await listOf({ state: 'active' })).rows.some((r) => r._id === n._id)).toBe(false)
  })
})
