/**
 * 车位信息公开 through the real parking and todos functions: every rule of the form with a case
 * the function refuses (naming the field, writing nothing) and one it takes; the draft kept as it
 * is typed and continued elsewhere; a handler's submission → the manager's to-do and notice →
 * publish, the edition every member reads, the next edition superseding it; cancel with a reason;
 * races between phones and retried requests.
 */
import { TodosContract } from '../../types/todos'
import { SDK_ENV } from '../local-cloud/sdk'
import { ParkingContract, type ParkingDraft, type ParkingForm } from '../../types/parking'
import { expectError, expectOk, newRequestId, caller } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { openDraft, submitted, validForm } from './samples/parking'
import { fileCloud } from './setup'

// Many calls per test on two shared cores: room beyond jest's 5 s.
jest.setTimeout(30_000)

const cloud = fileCloud({ env: SDK_ENV })
let env: Env

const parking = caller(cloud, ParkingContract, 'demo-handler')
const current = async (openid = 'demo-handler') => expectOk(await parking('current', {}, openid))
const todosOf = async (openid: string, status: 'pending' | 'done' = 'pending') =>
  expectOk(await caller(cloud, TodosContract)('list', { status }, openid)).rows as {
    kind: string
    targetId: string
    result?: string
  }[]

beforeAll(async () => {
  env = makeEnv(cloud, 'pk')
}, 60_000)

/** Submits `form` on the open draft; resolves to the reply. */
async function submit(form: ParkingDraft, openid = 'demo-handler') {
  const { editionId, version } = await openDraft(env, openid)
  return parking('submit', { editionId, version, form, requestId: newRequestId() }, openid)
}

/** The same with a form no page could build (a wrong type, an unknown field): sent untyped. */
async function submitUnchecked(form: unknown, openid = 'demo-handler') {
  const { editionId, version } = await openDraft(env, openid)
  const event = { action: 'submit', editionId, version, form, requestId: newRequestId() }
  return parking.raw(event, openid)
}

type Change = (f: ParkingForm) => void
const variant = (change: Change): ParkingForm => {
  const f = validForm()
  change(f)
  return f
}

/** [rule, a change that breaks it → the field and (part of) its message, a change that keeps it]. */
const RULES: [string, Change, string, string, Change][] = [
  [
    '规划落地 + 新增 = 总数',
    (f) => (f.counts.added = 30),
    'form.counts.added',
    '相差 6',
    (f) => {
      Object.assign(f.counts, { total: 830, added: 30, fixed: 610, aboveGround: 70 })
    },
  ],
  [
    '固定 + 非固定 = 总数',
    (f) => (f.counts.nonFixed = 200),
    'form.counts.nonFixed',
    '固定车位数 + 非固定车位数（616 + 200 = 816）应等于车位总数 836，相差 20',
    (f) => ((f.counts.fixed = 636), (f.counts.nonFixed = 200)),
  ],
  [
    '地下 + 非地下 = 总数',
    (f) => (f.counts.aboveGround = 60),
    'form.counts.aboveGround',
    '应等于车位总数 836',
    (f) => ((f.counts.underground = 776), (f.counts.aboveGround = 60)),
  ],
  [
    'counts are never blank: 0 is entered as 0',
    (f) => (f.counts.added = null as unknown as number),
    'form.counts.added',
    '请填写新增车位数（没有请填0）',
    (f) => {
      Object.assign(f.counts, { total: 800, added: 0, fixed: 580, aboveGround: 40 })
    },
  ],
  [
    'counts are whole numbers',
    (f) => (f.counts.planned = 799.5),
    'form.counts.planned',
    '须为整数',
    (f) => (f.homes = 1300),
  ],
  [
    'counts are not negative',
    (f) => (f.cards.issued = -1),
    'form.cards.issued',
    '不能为负数',
    (f) => (f.cards.issued = 0),
  ],
  [
    'homes are filled',
    (f) => (f.homes = null as unknown as number),
    'form.homes',
    '请填写房屋总套数',
    (f) => (f.homes = 980),
  ],
  [
    'dates in order',
    (f) => (f.earliestPresaleDate = '2014-12-31'),
    'form.earliestPresaleDate',
    '不能早于土地出让时间',
    (f) => (f.earliestPresaleDate = f.landTransferDate),
  ],
  [
    'dates not in the future',
    (f) => (f.landTransferDate = '2099-01-01'),
    'form.landTransferDate',
    '不能晚于今天',
    (f) => (f.landTransferDate = '2014-01-01'),
  ],
  [
    'dates are real dates',
    (f) => (f.landTransferDate = '2015-02-30'),
    'form.landTransferDate',
    '土地出让时间格式不正确',
    (f) => (f.landTransferDate = '2015-02-28'),
  ],
  [
    '停车管理单位 is filled',
    (f) => (f.managementUnit = '  '),
    'form.managementUnit',
    '请填写停车管理单位',
    (f) => (f.managementUnit = '深圳市安居物业管理有限公司停车场管理处'),
  ],
  [
    'over-long text is refused',
    (f) => (f.cards.howToApply = '办'.repeat(201)),
    'form.cards.howToApply',
    '不能超过200个字',
    (f) => (f.cards.howToApply = '办'.repeat(200)),
  ],
  [
    'control characters are refused',
    (f) => (f.managementUnit = '深圳\u202e物业'),
    'form.managementUnit',
    '包含无效字符',
    (f) => (f.managementUnit = '深圳·安居物业'),
  ],
  [
    'fees have at most two decimals',
    (f) => (f.cards.monthlyFee = 350.555),
    'form.cards.monthlyFee',
    '最多保留两位小数',
    (f) => (f.cards.monthlyFee = 350.5),
  ],
  [
    '充电桩: 无 where there is none',
    (f) => (f.chargers.operator = ''),
    'form.chargers.operator',
    '没有请填写“无”',
    (f) => ((f.chargers.count = 0), (f.chargers.builder = '无'), (f.chargers.operator = '无')),
  ],
  [
    '充电桩: none means 无',
    (f) => (f.chargers.count = 0),
    'form.chargers.builder',
    '没有充电桩时请填写“无”',
    (f) => ((f.chargers.count = 1), (f.chargers.operator = '无')),
  ],
  [
    '充电桩: some means a builder',
    (f) => (f.chargers.builder = '无'),
    'form.chargers.builder',
    '已有充电桩，请填写建设单位',
    (f) => (f.chargers.builder = '深圳供电局有限公司'),
  ],
  [
    '纠纷: a type needs its description',
    (f) => (f.dispute = { type: '停车收费纠纷', text: '' }),
    'form.dispute.text',
    '请填写纠纷情况',
    (f) => (f.dispute = { type: '停车收费纠纷', text: '部分业主对临停收费有异议，已召开说明会。' }),
  ],
  [
    '纠纷: a description needs its type first',
    (f) => (f.dispute = { type: null, text: '有纠纷' }),
    'form.dispute.type',
    '请先选择纠纷类型',
    (f) => (f.dispute = { type: null, text: '' }),
  ],
  [
    '缓解停车: 是 needs a measure',
    (f) => (f.relief = { adopted: true, measures: [], note: '' }),
    'form.relief.measures',
    '请至少选择一项措施',
    (f) => (f.relief = { adopted: true, measures: ['建设机械式立体停车设施'], note: '' }),
  ],
  [
    '缓解停车: 否 has no measures',
    (f) => (f.relief = { adopted: false, measures: ['错峰共享停车'], note: '' }),
    'form.relief.measures',
    '不能选择措施',
    (f) => (f.relief = { adopted: false, measures: [], note: '' }),
  ],
  [
    '缓解停车: 是 or 否 is chosen',
    (f) => (f.relief = { adopted: null, measures: [], note: '' }),
    'form.relief.adopted',
    '请选择是否采取缓解停车措施',
    (f) =>
      (f.relief = { adopted: true, measures: ['其他措施'], note: '与周边小区签订夜间共享协议' }),
  ],
  [
    '缓解停车: 其他措施 is explained',
    (f) => (f.relief = { adopted: true, measures: ['其他措施'], note: '' }),
    'form.relief.note',
    '选择“其他措施”时请说明',
    (f) => (f.relief = { adopted: true, measures: ['其他措施'], note: '夜间开放写字楼停车场' }),
  ],
  [
    '共有场地: income recipient is named',
    (f) => (f.sharedLand = { spaces: 20, incomeTo: null, note: '' }),
    'form.sharedLand.incomeTo',
    '请选择共有场地车位的收益归属',
    (f) => (f.sharedLand = { spaces: 0, incomeTo: null, note: '' }),
  ],
  [
    '共有场地: income not to all owners is explained',
    (f) => (f.sharedLand = { spaces: 20, incomeTo: 'developer', note: '' }),
    'form.sharedLand.note',
    '请说明归属及依据',
    (f) =>
      (f.sharedLand = {
        spaces: 20,
        incomeTo: 'developer',
        note: '2010年前销售合同约定，正在协商移交',
      }),
  ],
  [
    '共有场地: not more spaces than in all',
    (f) => (f.sharedLand.spaces = 900),
    'form.sharedLand.spaces',
    '不能超过车位总数',
    (f) => (f.sharedLand.spaces = 836),
  ],
]

describe('every rule of the form, kept by the function', () => {
  it.each(RULES)('%s', async (_rule, breakIt, field, message, keepIt) => {
    const { editionId, version } = await openDraft(env)
    const send = (form: ParkingForm) =>
      parking('submit', { editionId, version, form, requestId: newRequestId() })
    const reply = await send(variant(breakIt))
    expectError(reply, 'BAD_INPUT')
    const fields = (!reply.ok && reply.error.fields) || {}
    expect(fields[field]).toContain(message)
    // Nothing written: the draft is still a draft at its version, with no to-do.
    expect((await current()).open).toMatchObject({ _id: editionId, status: 'draft', version })
    expect(await cloud.collection('todos', { targetId: editionId })).toEqual([])
    expect(expectOk(await send(variant(keepIt))).status).toBe('submitted')
  })

  it('names every wrong field at once, in the form’s order, and the first in the message', async () => {
    const reply = await submit(
      variant((f) => {
        f.relief.measures = []
        f.counts.nonFixed = 1
        f.landTransferDate = ''
      }),
    )
    expectError(reply, 'BAD_INPUT')
    if (reply.ok) return
    expect(Object.keys(reply.error.fields!)).toEqual([
      'form.landTransferDate',
      'form.counts.nonFixed',
      'form.relief.measures',
    ])
    expect(reply.error.message).toBe('土地出让时间：请选择土地出让时间（共3处需修改）')
  })

  it('takes a project with no spaces at all: every count 0, 无 for chargers', async () => {
    const zero: ParkingForm = {
      ...validForm(),
      homes: 120,
      counts: {
        total: 0,
        planned: 0,
        added: 0,
        fixed: 0,
        nonFixed: 0,
        underground: 0,
        aboveGround: 0,
      },
      sharedLand: { spaces: 0, incomeTo: null, note: '' },
      cards: { issued: 0, monthlyFee: 0, tempFee: '无', howToApply: '无' },
      chargers: { count: 0, builder: '无', operator: '无' },
      relief: { adopted: false, measures: [], note: '' },
    }
    const ed = expectOk(await submit(zero))
    expect(ed.form.counts).toEqual(zero.counts)
  })

  it('refuses an unknown field or a wrong type anywhere in the form', async () => {
    const odd = { ...validForm(), counts: { ...validForm().counts, total: '836' } }
    const reply = await submitUnchecked(odd)
    expect(!reply.ok && reply.error.fields).toMatchObject({
      'form.counts.total': expect.any(String),
    })
    const extra = await submitUnchecked({ ...validForm(), owner: 'x' })
    expect(!extra.ok && extra.error.fields).toMatchObject({ 'form.owner': '不支持的字段' })
  })
})

describe('the draft', () => {
  it('is kept as it is typed and continues on another phone at the same step', async () => {
    const { editionId, version } = await openDraft(env)
    const partial: ParkingDraft = { homes: 1260, counts: { total: 836, planned: 800 } }
    const saved = expectOk(
      await parking('saveDraft', { editionId, version, form: partial, step: 1 }),
    )
    expect(saved.version).toBe(version + 1)
    // The other phone (same WeChat) opens the page: the same draft, the same step.
    const there = await current()
    expect(there.open).toMatchObject({ _id: editionId, step: 1, form: partial })
    // A phone that saves from an older version is told to reload; nothing is overwritten.
    const stale = await parking('saveDraft', { editionId, version, form: {}, step: 0 })
    expectError(stale, 'CONFLICT')
    expect((await current()).open!.form).toEqual(partial)
  })

  it('holds blanks but not wrong types, and starts one edition at a time', async () => {
    const { editionId, version } = await openDraft(env)
    const bad = await parking('saveDraft', {
      editionId,
      version,
      form: { counts: { total: -3 } },
    })
    expect(!bad.ok && bad.error.fields).toEqual({ 'form.counts.total': '车位总数不能为负数' })
    // A draft is open: starting another is refused, whoever asks.
    const again = await parking('saveDraft', { version: 0, form: {} }, 'demo-manager')
    expectError(again, 'CONFLICT')
  })

  it('of two phones starting the next edition at once, one starts it', async () => {
    // Publish whatever is open, so no edition is open.
    const ed = await submitted(env)
    expectOk(
      await parking(
        'publish',
        { editionId: ed._id, version: ed.version, requestId: newRequestId() },
        'demo-manager',
      ),
    )
    const start = () => parking('saveDraft', { version: 0, form: { homes: 1 } })
    const replies = await Promise.all([start(), start(), start()])
    const oks = replies.filter((r) => r.ok)
    expect(oks).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    const drafts = await cloud.collection('parking_editions', {
      projectId: 'p-yangguang',
      status: 'draft',
    })
    expect(drafts).toHaveLength(1)
  })
})

describe('one open edition per project', () => {
  it('of a burst of 10 "start the next edition", one opens it; the others are refused', async () => {
    // Publish whatever is open, so no edition is open.
    const ed = await submitted(env)
    expectOk(
      await parking(
        'publish',
        { editionId: ed._id, version: ed.version, requestId: newRequestId() },
        'demo-manager',
      ),
    )
    const before = (await cloud.collection('parking_editions', { projectId: 'p-yangguang' })).length
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        parking(
          'saveDraft',
          { version: 0, form: { homes: i + 1 } },
          i % 2 ? 'demo-manager' : 'demo-handler',
        ),
      ),
    )
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    const all = await cloud.collection<{ status: string; edition: number }>('parking_editions', {
      projectId: 'p-yangguang',
    })
    expect(all.filter((e) => e.status === 'draft' || e.status === 'submitted')).toHaveLength(1)
    expect(all).toHaveLength(before + 1)
  })
})

describe('submit → publish → the edition every member reads', () => {
  it('a handler submits; the manager gets a to-do and a notice, publishes; the old edition steps aside', async () => {
    const before = await current()
    const ed = await submitted(env)
    expect(ed).toMatchObject({ status: 'submitted', submittedByName: '李晓华' })
    const todo = (await todosOf('demo-manager')).find((t) => t.targetId === ed._id)
    expect(todo).toMatchObject({ kind: 'publishParking' })
    const notices = await cloud.outbox({ kind: 'subscribe', to: 'demo-manager' })
    expect(notices[0]).toMatchObject({ template: 'TPL_REVIEW_REQUEST' })
    expect(notices[0].page).toContain(ed._id)
    // Until published, the public still sees the edition before.
    expect((await current()).published?._id).toBe(before.published?._id)
    // A handler may not publish.
    const mine = { editionId: ed._id, version: ed.version, requestId: newRequestId() }
    expectError(await parking('publish', mine), 'FORBIDDEN')

    const done = expectOk(await parking('publish', mine, 'demo-manager'))
    expect(done).toMatchObject({ status: 'published', publishedByName: '张建国' })
    const reader = await env.activeHandler(['parking'])
    const seen = await current(reader.openid)
    expect(seen.published).toMatchObject({ _id: ed._id, form: validForm() })
    expect(seen.canPublish).toBe(false)
    if (before.published) {
      const old = expectOk(
        await parking('edition', { editionId: before.published._id }, reader.openid),
      )
      expect(old.edition).toMatchObject({ status: 'superseded', supersededBy: done.edition })
      expect(old.trail[0]).toMatchObject({ label: '被新版替代' })
    }
    const closed = (await todosOf('demo-manager', 'done')).find((t) => t.targetId === ed._id)
    expect(closed).toMatchObject({ result: '已发布' })
    const told = await cloud.outbox({ kind: 'subscribe', to: 'demo-handler' })
    expect(told[0]).toMatchObject({ template: 'TPL_REVIEW_RESULT' })
    const history = expectOk(await parking('history', {}, reader.openid))
    expect(history.rows[0]).toMatchObject({ _id: ed._id, status: 'published' })
    expect((history.rows[0] as { form?: unknown }).form).toBeUndefined()
    expect(history.rows.filter((r: { status: string }) => r.status === 'published')).toHaveLength(1)
  })

  it('a new edition is drafted while the published one stays; publishing it replaces it', async () => {
    const first = (await current()).published
    const { editionId } = await openDraft(env, 'demo-manager')
    expect((await current()).published!._id).toBe(first!._id)
    expect(editionId).not.toBe(first!._id)
    // A manager's own submission waits on the manager's sheet, not in a to-do.
    const ed = await submitted(env, 'demo-manager')
    expect((await todosOf('demo-manager')).some((t) => t.targetId === ed._id)).toBe(false)
    expectOk(
      await parking(
        'publish',
        { editionId: ed._id, version: ed.version, requestId: newRequestId() },
        'demo-manager',
      ),
    )
    const now = await current()
    expect(now.published!._id).toBe(ed._id)
    const published = await cloud.collection('parking_editions', {
      projectId: 'p-yangguang',
      status: 'published',
    })
    expect(published).toHaveLength(1)
  })

  it('cancel withdraws a submission (or a published edition) with a reason; the to-do says so', async () => {
    const ed = await submitted(env)
    const noReason = await parking(
      'cancel',
      { editionId: ed._id, version: ed.version, reason: ' ' },
      'demo-manager',
    )
    expect(!noReason.ok && noReason.error.fields).toEqual({ reason: '请填写取消原因' })
    const cancel = { editionId: ed._id, version: ed.version, reason: '地下车位数与台账不符' }
    const done = expectOk(await parking('cancel', cancel, 'demo-manager'))
    expect(done).toMatchObject({ status: 'cancelled', cancelReason: '地下车位数与台账不符' })
    const todo = (await todosOf('demo-manager', 'done')).find((t) => t.targetId === ed._id)
    expect(todo?.result).toBe('已取消：地下车位数与台账不符')
    const detail = expectOk(await parking('edition', { editionId: ed._id }))
    expect(detail.trail[0]).toMatchObject({
      label: '取消车位信息公示',
      comment: '地下车位数与台账不符',
    })
    // The next draft starts from the cancelled edition's form.
    expect((await current()).base).toEqual(validForm())

    const live = (await current()).published
    expectOk(
      await parking(
        'cancel',
        { editionId: live!._id, version: live!.version, reason: '数据需复核' },
        'demo-manager',
      ),
    )
    expect((await current()).published).toBeNull()
  })
})

describe('access, races and retries', () => {
  it('another project’s manager cannot read or move this project’s editions', async () => {
    const ed = await submitted(env)
    expectError(await parking('edition', { editionId: ed._id }, 'demo-manager2'), 'NOT_FOUND')
    const pub = { editionId: ed._id, version: ed.version, requestId: newRequestId() }
    expectError(await parking('publish', pub, 'demo-manager2'), 'NOT_FOUND')
    const named = await parking('publish', { ...pub, projectId: 'p-yangguang' }, 'demo-manager2')
    expectError(named, 'FORBIDDEN')
    expect((await current()).open).toMatchObject({ _id: ed._id, status: 'submitted' })
  })

  it('publish and cancel at once from two phones: one wins, the other gets CONFLICT', async () => {
    const ed = await submitted(env)
    const replies = await Promise.all([
      parking(
        'publish',
        { editionId: ed._id, version: ed.version, requestId: newRequestId() },
        'demo-manager',
      ),
      parking(
        'cancel',
        { editionId: ed._id, version: ed.version, reason: '重复提交' },
        'demo-manager',
      ),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    const trail = expectOk(await parking('edition', { editionId: ed._id })).trail
    const moves = trail.filter((r: { action: string }) => ['publish', 'cancel'].includes(r.action))
    expect(moves).toHaveLength(1)
  })

  it('a retried submit or publish does it once', async () => {
    const { editionId, version } = await openDraft(env)
    const event = { editionId, version, form: validForm(), requestId: newRequestId() }
    const subs = await Promise.all([parking('submit', event), parking('submit', event)])
    const again = await parking('submit', event)
    expect([...subs, again].filter((r) => r.ok).length).toBeGreaterThanOrEqual(2)
    expect(
      await cloud.collection('todos', { kind: 'publishParking', targetId: editionId }),
    ).toHaveLength(1)
    expect(
      await cloud.collection('audit_log', { targetId: editionId, action: 'submit' }),
    ).toHaveLength(1)

    const ed = expectOk(again)
    const pub = { editionId, version: ed.version, requestId: newRequestId() }
    const pubs = await Promise.all([
      parking('publish', pub, 'demo-manager'),
      parking('publish', pub, 'demo-manager'),
    ])
    expectOk(await parking('publish', pub, 'demo-manager'))
    expect(pubs.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1)
    expect(
      await cloud.collection('audit_log', { targetId: editionId, action: 'publish' }),
    ).toHaveLength(1)
    // Submitting the same edition again with a new request is not a move its state allows.
    const late = await parking('submit', {
      ...event,
      version: ed.version + 1,
      requestId: newRequestId(),
    })
    expectError(late, 'INVALID_STATE')
  })

  it('a submit from a stale version is a CONFLICT and writes nothing', async () => {
    const { editionId, version } = await openDraft(env)
    expectOk(await parking('saveDraft', { editionId, version, form: { homes: 9 } }))
    const stale = await parking('submit', {
      editionId,
      version,
      form: validForm(),
      requestId: newRequestId(),
    })
    expectError(stale, 'CONFLICT')
    expect((await current()).open).toMatchObject({ status: 'draft', form: { homes: 9 } })
    expect(
      await cloud.collection('todos', {
        kind: 'publishParking',
        targetId: editionId,
        status: 'pending',
      }),
    ).toHaveLength(0)
  })
})
