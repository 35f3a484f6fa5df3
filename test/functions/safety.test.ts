/**
 * 安全检查 through the real safety and todos functions: the handler fills (with a photo) and
 * submits, the manager returns with a comment, the handler corrects and resubmits, the manager
 * confirms; the score, the to-dos and the trail follow each step. Every rule is the function's.
 */
import { TodosContract } from '../../types/todos'
import { SafetyContract } from '../../types/safety'
import { connectSdk, result, SDK_ENV } from '../local-cloud/sdk'
import { clock, expectError, expectOk, newRequestId, caller } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { fillAll, publishedCheck } from './samples/safety'
import { fileCloud } from './setup'

const cloud = fileCloud({ env: SDK_ENV })
let env: Env
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
).toString('base64')

const safety = caller(cloud, SafetyContract)
const detail = async (checkId: string, openid = 'demo-handler') =>
  expectOk(await safety('detail', { checkId }, openid))
const todosOf = async (openid: string, status: 'pending' | 'done' = 'pending') =>
  expectOk(await caller(cloud, TodosContract)('list', { status }, openid)).rows as {
    kind: string
    targetId: string
    result?: string
  }[]

let published = 0
/** A fresh check for 南山区 (阳光花园), published by the operator. */
async function newCheck(): Promise<string> {
  const id = `sc-t-${++published}`
  expectOk(await safety('publishCheck', { check: publishedCheck(id) }, 'demo-operator'))
  return id
}

async function photo(checkId: string, itemId: string, openid = 'demo-handler'): Promise<string> {
  const slot = expectOk(await safety('photoSlot', { checkId, itemId, ext: 'png' }, openid))
  return expectOk(
    await safety('uploadPhoto', { checkId, cloudPath: slot.cloudPath, dataBase64: PNG }, openid),
  ).fileID
}

beforeAll(async () => {
  env = makeEnv(cloud, 'sf')
}, 60_000)

describe('publishing', () => {
  it('gives every project in scope one 填写 to-do, also when published again', async () => {
    const id = await newCheck()
    expectOk(await safety('publishCheck', { check: publishedCheck(id) }, 'demo-operator'))
    const mine = (await todosOf('demo-handler')).filter((t) => t.targetId === `${id}_p-yangguang`)
    expect(mine.map((t) => t.kind)).toEqual(['fillSafetyCheck'])
    // 海滨广场 is in 福田区: not in scope, not listed, not readable.
    expectError(await safety('detail', { checkId: id }, 'demo-manager2'), 'NOT_FOUND')
  })
})

describe('the whole round', () => {
  it('fill with a photo, submit, return, correct, resubmit, confirm', async () => {
    const checkId = await newCheck()
    const fileID = await photo(checkId, 'RQ-01')
    const problem = { result: 'problem' as const, note: '3栋燃气表箱锈蚀', photos: [fileID] }
    expectOk(
      await safety('saveAnswer', { checkId, itemId: 'RQ-01', answer: problem }, 'demo-handler'),
    )
    let d = await detail(checkId)
    expect(d.submission!.status).toBe('draft')
    expect(d.photoUrls[fileID]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    const version = await fillAll(env, 'demo-handler', checkId)

    const submit = { checkId, version, requestId: newRequestId() }
    const submitted = expectOk(await safety('submit', submit, 'demo-handler'))
    expect(submitted).toMatchObject({ status: 'awaitingConfirm', score: 40 })
    expect((await todosOf('demo-manager')).some((t) => t.kind === 'confirmSafetyCheck')).toBe(true)
    const notices = await cloud.outbox({ kind: 'subscribe', to: 'demo-manager' })
    expect(notices.some((n) => n.template === 'TPL_REVIEW_REQUEST')).toBe(true)
    // Submitted: the handler can no longer change it.
    expectError(
      await safety(
        'saveAnswer',
        { checkId, itemId: 'RQ-02', answer: { result: 'ok' } },
        'demo-handler',
      ),
      'INVALID_STATE',
    )

    const returned = expectOk(
      await safety(
        'return',
        { checkId, version: submitted.version, comment: '请补充整改照片' },
        'demo-manager',
      ),
    )
    expect(returned).toMatchObject({ status: 'returned', comment: '请补充整改照片' })
    d = await detail(checkId)
    expect(d.editable).toBe(true)
    expect(d.trail[0]).toMatchObject({ label: '退回检查', comment: '请补充整改照片' })
    const fills = (await todosOf('demo-handler')).filter((t) => t.targetId === d.submission!._id)
    expect(fills.map((t) => t.kind)).toEqual(['fillSafetyCheck'])

    const fixed = { result: 'ok' as const, photos: [fileID, await photo(checkId, 'RQ-01')] }
    const saved = expectOk(
      await safety('saveAnswer', { checkId, itemId: 'RQ-01', answer: fixed }, 'demo-handler'),
    )
    const resubmitted = expectOk(
      await safety(
        'submit',
        { checkId, version: saved.version, requestId: newRequestId() },
        'demo-handler',
      ),
    )
    expect(resubmitted).toMatchObject({ status: 'awaitingConfirm', score: 100 })

    const confirm = { checkId, version: resubmitted.version }
    expect(expectOk(await safety('confirm', confirm, 'demo-manager')).status).toBe('confirmed')
    d = await detail(checkId)
    expect(d.editable).toBe(false)
    expect(d.trail.map((r) => r.label)).toEqual(['确认检查', '提交检查', '退回检查', '提交检查'])
    // 审核信息's 确认 row says the score against the total, as the submission's row does.
    expect(d.trail[0].detail).toEqual({ score: 100, total: d.check.totalPoints })
    const done = (await todosOf('demo-manager', 'done')).filter(
      (t) => t.targetId === d.submission!._id,
    )
    expect(done.map((t) => t.result).sort()).toEqual(
      ['已提交', '已提交', '已确认', '已退回：请补充整改照片'].sort(),
    )
    expect((await todosOf('demo-manager')).some((t) => t.targetId === d.submission!._id)).toBe(
      false,
    )
  })
})

describe('rules the function keeps', () => {
  // Answers of every shape, also those no page could build: sent untyped.
  const save = (checkId: string, itemId: string, answer: unknown, openid = 'demo-handler') =>
    safety.raw({ action: 'saveAnswer', checkId, itemId, answer }, openid)

  it('refuses a problem without a note, an unknown item, an answer outside the set, a long note', async () => {
    const checkId = await newCheck()
    const noNote = await save(checkId, 'RQ-01', { result: 'problem' })
    expectError(noNote, 'BAD_INPUT')
    expect(!noNote.ok && noNote.error.fields).toEqual({ 'answer.note': '有问题时请填写说明' })
    const unknown = await save(checkId, 'XX-99', { result: 'ok' })
    expect(!unknown.ok && unknown.error.fields).toEqual({ itemId: '检查项不存在' })
    expectError(await save(checkId, 'RQ-01', { result: 'maybe' }), 'BAD_INPUT')
    expectError(
      await save(checkId, 'RQ-01', { result: 'problem', note: '长'.repeat(201) }),
      'BAD_INPUT',
    )
    expect(await cloud.collection('safety_submissions', { checkId })).toEqual([])
  })

  it('refuses photos that are not the caller’s own upload for that item', async () => {
    const checkId = await newCheck()
    const others = await photo(checkId, 'RQ-01', 'demo-manager')
    const otherItem = await photo(checkId, 'RQ-02')
    for (const photos of [[others], [otherItem], ['cloud://local-env.local-cloud/safety/x.png']]) {
      const reply = await save(checkId, 'RQ-01', { result: 'ok', photos })
      expect(!reply.ok && reply.error.fields).toEqual({ 'answer.photos': '照片无效，请重新上传' })
    }
  })

  it('takes a photo the weapp page uploaded itself to its slot, once it is really stored', async () => {
    const checkId = await newCheck()
    const slot = expectOk(
      await safety('photoSlot', { checkId, itemId: 'RQ-01', ext: 'png' }, 'demo-handler'),
    )
    // What wx.cloud.uploadFile does on the phone: the file lands at the slot's path.
    const sdk = connectSdk(cloud.url)
    const fileID = `cloud://local-env.local-cloud/${slot.cloudPath}`
    const before = await save(checkId, 'RQ-01', { result: 'ok', photos: [fileID] })
    expect(!before.ok && before.error.fields).toEqual({ 'answer.photos': '照片无效，请重新上传' })
    const uploaded = await result<{ fileID: string }>(
      sdk.uploadFile({ cloudPath: slot.cloudPath, fileContent: Buffer.from(PNG, 'base64') }),
    )
    expectOk(await save(checkId, 'RQ-01', { result: 'ok', photos: [uploaded.fileID] }))
  })

  it('takes only JPG or PNG bytes up to 1 MB, for the caller’s own slot', async () => {
    const checkId = await newCheck()
    const slot = expectOk(
      await safety('photoSlot', { checkId, itemId: 'RQ-01', ext: 'png' }, 'demo-handler'),
    )
    const upload = (dataBase64: string, openid = 'demo-handler') =>
      safety('uploadPhoto', { checkId, cloudPath: slot.cloudPath, dataBase64 }, openid)
    expectError(await upload(Buffer.from('<svg onload=alert(1)>').toString('base64')), 'BAD_INPUT')
    expectError(await upload(PNG, 'demo-manager'), 'BAD_INPUT')
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(1024 * 1024)])
    expectError(await upload(big.toString('base64')), 'BAD_INPUT')
    expect(expectOk(await upload(PNG)).fileID).toMatch(/^cloud:\/\//)
  })

  it('names every item still missing on submit', async () => {
    const checkId = await newCheck()
    const saved = expectOk(await save(checkId, 'RQ-01', { result: 'ok' }))
    const reply = await safety(
      'submit',
      { checkId, version: saved.version, requestId: newRequestId() },
      'demo-handler',
    )
    expectError(reply, 'BAD_INPUT')
    expect(!reply.ok && reply.error).toMatchObject({
      message: '还有1项未填写',
      fields: { 'answers.RQ-02': '未填写' },
    })
  })

  it('keeps every answer when items are saved at once from two phones', async () => {
    const id = `sc-many-${++published}`
    const check = publishedCheck(id)
    const items = Array.from({ length: 30 }, (_, i) => ({
      _id: `IT-${i}`,
      text: `检查项${i}`,
      points: 1,
    }))
    check.categories = [{ name: '综合', items }]
    expectOk(await safety('publishCheck', { check }, 'demo-operator'))
    await Promise.all(
      items.map((item, i) =>
        save(id, item._id, { result: 'ok' }, i % 2 ? 'demo-handler' : 'demo-manager'),
      ),
    )
    const d = await detail(id)
    expect(Object.keys(d.submission!.answers).sort()).toEqual(items.map((i) => i._id).sort())
  })
})

describe('what was sent stays as it was sent', () => {
  const OTHER = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from('changed')])
  const slotFor = async (checkId: string, itemId = 'RQ-01') =>
    expectOk(await safety('photoSlot', { checkId, itemId, ext: 'png' }, 'demo-handler'))
      .cloudPath as string
  const upload = (checkId: string, cloudPath: string, bytes: Buffer) =>
    safety(
      'uploadPhoto',
      { checkId, cloudPath, dataBase64: bytes.toString('base64') },
      'demo-handler',
    )
  /** The bytes of every photo the submission shows, as the pages get them. */
  async function shown(checkId: string): Promise<string[]> {
    const d = await detail(checkId)
    const ids = Object.values(d.submission!.answers as Record<string, { photos?: string[] }>)
      .flatMap((a) => a.photos ?? [])
      .sort()
    return Promise.all(
      ids.map(async (id) => {
        const res = await fetch(d.photoUrls[id])
        expect(res.status).toBe(200)
        return Buffer.from(await res.arrayBuffer()).toString('base64')
      }),
    )
  }

  it('refuses a photo slot and an upload once submitted or confirmed; the files stay', async () => {
    const checkId = await newCheck()
    const used = await slotFor(checkId)
    const spare = await slotFor(checkId)
    const { fileID } = expectOk(await upload(checkId, used, Buffer.from(PNG, 'base64')))
    expectOk(
      await safety(
        'saveAnswer',
        {
          checkId,
          itemId: 'RQ-01',
          answer: { result: 'ok', photos: [fileID] },
        },
        'demo-handler',
      ),
    )
    const version = await fillAll(env, 'demo-handler', checkId)
    const submitted = expectOk(
      await safety('submit', { checkId, version, requestId: newRequestId() }, 'demo-handler'),
    )
    expect(await shown(checkId)).toEqual([PNG])
    const refused = async () => {
      for (const reply of [
        await safety('photoSlot', { checkId, itemId: 'RQ-01', ext: 'png' }, 'demo-handler'),
        await upload(checkId, used, OTHER),
        await upload(checkId, spare, OTHER),
      ]) {
        expectError(reply, 'INVALID_STATE')
        expect(!reply.ok && reply.error.message).toMatch(/不能再(修改|上传)/)
      }
      expect(await shown(checkId)).toEqual([PNG])
    }
    await refused()
    const confirm = { checkId, version: submitted.version }
    expectOk(await safety('confirm', confirm, 'demo-manager'))
    await refused()
  })

  it('gives every upload a path of its own: two uploads to one slot are two files', async () => {
    const checkId = await newCheck()
    const cloudPath = await slotFor(checkId)
    const first = expectOk(await upload(checkId, cloudPath, Buffer.from(PNG, 'base64')))
    const second = expectOk(await upload(checkId, cloudPath, OTHER))
    expect(second.fileID).not.toBe(first.fileID)
    expect(Buffer.from(await (await fetch(first.url)).arrayBuffer()).toString('base64')).toBe(PNG)
    const answer = { result: 'ok' as const, photos: [first.fileID, second.fileID] }
    expectOk(await safety('saveAnswer', { checkId, itemId: 'RQ-01', answer }, 'demo-handler'))
  })

  it('keeps what was submitted when the phone writes its own upload again', async () => {
    const checkId = await newCheck()
    const cloudPath = await slotFor(checkId)
    // The weapp page uploads to its slot itself; the phone may write its own file again later.
    const sdk = connectSdk(cloud.url)
    const put = (bytes: Buffer) =>
      result<{ fileID: string }>(sdk.uploadFile({ cloudPath, fileContent: bytes }))
    const { fileID } = await put(Buffer.from(PNG, 'base64'))
    const answer = { result: 'ok' as const, photos: [fileID] }
    expectOk(await safety('saveAnswer', { checkId, itemId: 'RQ-01', answer }, 'demo-handler'))
    const version = await fillAll(env, 'demo-handler', checkId)
    expectOk(
      await safety('submit', { checkId, version, requestId: newRequestId() }, 'demo-handler'),
    )
    await put(OTHER)
    // The submission shows the file as it was when it was submitted.
    expect(await shown(checkId)).toEqual([PNG])
  })
})

describe('races and retries', () => {
  it('lets one of a confirm and a return from two phones win; the other gets CONFLICT', async () => {
    const checkId = await newCheck()
    const version = await fillAll(env, 'demo-handler', checkId)
    const submitted = expectOk(
      await safety('submit', { checkId, version, requestId: newRequestId() }, 'demo-handler'),
    )
    const v = submitted.version
    const replies = await Promise.all([
      safety('confirm', { checkId, version: v }, 'demo-manager'),
      safety('return', { checkId, version: v, comment: '请补充' }, 'demo-manager'),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    for (const r of replies.filter((x) => !x.ok)) expectError(r, 'CONFLICT')
    const trail = (await detail(checkId)).trail as { label: string }[]
    expect(trail.filter((r) => r.label !== '提交检查')).toHaveLength(1)
  })

  it('submits once for a retried request, and refuses a move the state does not allow', async () => {
    const checkId = await newCheck()
    const version = await fillAll(env, 'demo-handler', checkId)
    const event = { checkId, version, requestId: newRequestId() }
    const [a, b] = await Promise.all([
      safety('submit', event, 'demo-handler'),
      safety('submit', event, 'demo-handler'),
    ])
    const c = await safety('submit', event, 'demo-handler')
    const oks = [a, b, c].filter((r) => r.ok)
    expect(oks.length).toBeGreaterThanOrEqual(2)
    const sub = `${checkId}_p-yangguang`
    expect(
      await cloud.collection('todos', { kind: 'confirmSafetyCheck', targetId: sub }),
    ).toHaveLength(1)
    expect(await cloud.collection('audit_log', { targetId: sub, action: 'submit' })).toHaveLength(1)
    // Submitted already: submitting again with the current version is not a move it allows.
    const current = (await detail(checkId)).submission!.version
    const twice = await safety(
      'submit',
      { ...event, version: current, requestId: newRequestId() },
      'demo-handler',
    )
    expectError(twice, 'INVALID_STATE')
    expect(!twice.ok && twice.error).toMatchObject({ allowed: ['confirm', 'return'] })
  })
})

describe('the window', () => {
  // Last: it moves the functions' clock past every check's end.
  it('allows nothing once the check has ended', async () => {
    const checkId = await newCheck()
    const version = await fillAll(env, 'demo-handler', checkId)
    await clock(cloud)(8 * 86_400_000)
    const reply = await safety(
      'submit',
      { checkId, version, requestId: newRequestId() },
      'demo-handler',
    )
    expectError(reply, 'INVALID_STATE')
    expect(!reply.ok && reply.error.message).toBe('检查已结束，不能再修改')
    expect((await detail(checkId)).editable).toBe(false)
    const list = expectOk(await safety('list', { tab: 'ended' }, 'demo-handler'))
    expect(list.rows.some((r: { check: { _id: string } }) => r.check._id === checkId)).toBe(true)
  })
})
