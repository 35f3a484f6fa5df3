import { SafetyContract } from '../../../types/safety'
import { expectOk } from '../helpers'
import { newRequestId, type Env, type Samples } from './kit'

/** Answers every item 无问题 as `openid`; resolves to the submission's version. */
export async function fillAll(env: Env, openid: string, checkId: string): Promise<number> {
  const detail = expectOk(await env.caller(SafetyContract)('detail', { checkId }, openid))
  let version = detail.submission?.version ?? 0
  for (const category of detail.check.categories) {
    for (const item of category.items) {
      if (detail.submission?.answers[item._id]) continue
      const answer = { result: 'ok' as const, photos: [] }
      version = expectOk(
        await env.caller(SafetyContract)(
          'saveAnswer',
          { checkId, itemId: item._id, answer },
          openid,
        ),
      ).version
    }
  }
  return version
}

const submit = (env: Env, checkId: string, version: number) =>
  env.caller(SafetyContract)(
    'submit',
    { checkId, version, requestId: newRequestId() },
    'demo-handler',
  )

/** A small check the operator could publish, for 南山区. */
export function publishedCheck(id: string, now = Date.now()) {
  return {
    _id: id,
    kind: 'special' as const,
    title: `燃气安全专项检查 ${id}`,
    issuer: '深圳市应急管理局',
    startAt: now - 60_000,
    endAt: now + 7 * 86_400_000,
    scope: { districts: ['南山区'] },
    categories: [
      {
        name: '燃气安全',
        items: [
          { _id: 'RQ-01', text: '燃气管道、阀门无锈蚀、泄漏，标识清晰', points: 60 },
          { _id: 'RQ-02', text: '配合燃气企业完成年度入户安检', points: 40 },
        ],
      },
    ],
  }
}

let published = 0

const samples: Samples<typeof SafetyContract> = {
  list: { input: { projectId: 'p-yangguang', tab: 'ongoing', page: 0 }, readOnly: true },
  detail: { input: { projectId: 'p-yangguang', checkId: 'sc-2026h2' }, readOnly: true },
  saveAnswer: {
    input: {
      projectId: 'p-yangguang',
      checkId: 'sc-2026h2',
      itemId: 'XF-01',
      answer: { result: 'problem', note: '通道有杂物', photos: [] },
    },
  },
  photoSlot: {
    input: { projectId: 'p-yangguang', checkId: 'sc-2026h2', itemId: 'XF-01', ext: 'jpg' },
  },
  uploadPhoto: {
    input: {
      projectId: 'p-yangguang',
      checkId: 'sc-2026h2',
      cloudPath: 'safety/p-yangguang/sc-2026h2/XF-01/x.jpg',
      dataBase64: '/9j/4AAQ',
    },
  },
  submit: {
    input: {
      projectId: 'p-yangguang',
      checkId: 'sc-2026h2',
      version: 1,
      requestId: newRequestId(),
    },
    async happy(env) {
      const version = await fillAll(env, 'demo-handler', 'sc-fire-2026')
      const reply = await submit(env, 'sc-fire-2026', version)
      return { reply, targetId: 'sc-fire-2026_p-yangguang' }
    },
  },
  confirm: {
    input: { projectId: 'p-yangguang', checkId: 'sc-2026h2', version: 1 },
    async happy(env) {
      const version = await fillAll(env, 'demo-handler', 'sc-2026h2')
      const submitted = expectOk(await submit(env, 'sc-2026h2', version))
      return {
        reply: await env.caller(SafetyContract)(
          'confirm',
          { checkId: 'sc-2026h2', version: submitted.version },
          'demo-manager',
        ),
        targetId: 'sc-2026h2_p-yangguang',
      }
    },
  },
  return: {
    input: { projectId: 'p-yangguang', checkId: 'sc-2026h2', version: 1, comment: '照片不清晰' },
    async happy(env) {
      // 海滨广场's submission awaits its manager in the demo data.
      const detail = expectOk(
        await env.caller(SafetyContract)('detail', { checkId: 'sc-2026h2' }, 'demo-manager2'),
      )
      return {
        reply: await env.caller(SafetyContract)(
          'return',
          {
            checkId: 'sc-2026h2',
            version: detail.submission!.version,
            comment: '二次供水项请补充清洗报告照片',
          },
          'demo-manager2',
        ),
        targetId: 'sc-2026h2_p-haibin',
      }
    },
  },
  publishCheck: {
    input: { check: publishedCheck('sc-sample') },
    async happy(env) {
      const id = `sc-audit-${++published}`
      return {
        reply: await env.caller(SafetyContract)(
          'publishCheck',
          { check: publishedCheck(id) },
          'demo-operator',
        ),
        targetId: id,
      }
    },
  },
}
export default samples
