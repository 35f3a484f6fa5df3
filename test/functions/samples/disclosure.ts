import { chinaDay, DisclosureContract } from '../../../types/disclosure'
import { expectOk } from '../helpers'
import { newRequestId, type Env, type Samples } from './kit'

const DAY = 86_400_000

/** A valid notice to publish (valid from today for `days` days), without attachments. */
export function noticeInput(title = '2026年第四季度公共收益公示', days = 30, now = Date.now()) {
  return {
    category: '公共收益' as const,
    title,
    content: '本季度公共收益合计 90,120.00 元，已存入公共收益专户。',
    validFrom: chinaDay(now),
    validUntil: chinaDay(now + days * DAY),
    attachments: [] as { fileID: string; name: string }[],
    requestId: newRequestId(),
  }
}

/** Publishes a notice as `openid`; resolves to it. */
export async function published(env: Env, openid = 'demo-handler', title?: string) {
  return expectOk(
    await env.caller(DisclosureContract)('publish', { ...noticeInput(title) }, openid),
  ) as {
    _id: string
    version: number
  }
}

const samples: Samples<typeof DisclosureContract> = {
  stats: { input: { projectId: 'p-yangguang' }, readOnly: true },
  list: {
    input: {
      projectId: 'p-yangguang',
      category: '财务收支',
      state: 'active',
      from: '2025-01-01',
      to: '2030-12-31',
      page: 0,
      sort: { by: 'validUntil', order: 'asc' },
    },
    readOnly: true,
  },
  detail: { input: { projectId: 'p-yangguang', noticeId: 'n-finance-2026q3' }, readOnly: true },
  attachmentSlot: {
    input: { projectId: 'p-yangguang', name: '收支明细.pdf', ext: 'pdf', size: 2048 },
  },
  uploadAttachment: {
    input: {
      projectId: 'p-yangguang',
      cloudPath: 'disclosure/p-yangguang/2026-11/x.pdf',
      part: 0,
      parts: 1,
      dataBase64: 'JVBERi0xLjQK',
    },
  },
  keepAttachment: {
    input: {
      projectId: 'p-yangguang',
      cloudPath: 'disclosure/p-yangguang/2026-11/x.pdf',
      fileID: 'cloud://local-env.local-cloud/disclosure/p-yangguang/2026-11/x.pdf',
    },
  },
  publish: {
    input: { projectId: 'p-yangguang', ...noticeInput() },
    async happy(env) {
      const reply = await env.caller(DisclosureContract)(
        'publish',
        { ...noticeInput('样例公示') },
        'demo-handler',
      )
      return { reply, targetId: reply.ok ? reply.data._id : '' }
    },
  },
  void: {
    input: { projectId: 'p-yangguang', noticeId: 'n-water-stop', version: 1, reason: '已过期' },
    async happy(env) {
      const n = await published(env)
      return {
        reply: await env.caller(DisclosureContract)(
          'void',
          { noticeId: n._id, version: n.version, reason: '信息已过期' },
          'demo-handler',
        ),
        targetId: n._id,
      }
    },
  },
  remove: {
    input: { projectId: 'p-yangguang', noticeId: 'n-water-stop', version: 1, confirm: true },
    async happy(env) {
      const n = await published(env)
      return {
        reply: await env.caller(DisclosureContract)(
          'remove',
          { noticeId: n._id, version: n.version, confirm: true },
          'demo-manager',
        ),
        targetId: n._id,
      }
    },
  },
}
export default samples
