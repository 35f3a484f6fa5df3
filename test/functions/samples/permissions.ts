import type { PermissionsContract } from '../../../types/permissions'
import { codeFor, newRequestId, type Samples } from './kit'

const samples: Samples<typeof PermissionsContract> = {
  contacts: { input: { projectId: 'p-yangguang' }, readOnly: true },
  listHandlers: { input: { status: 'pending', projectId: 'p-yangguang' }, readOnly: true },
  authorize: {
    input: { accountId: 'a-wang', version: 1, modules: ['todos'] },
    async happy(env) {
      const t = await env.pendingHandler()
      const event = { action: 'authorize', accountId: t.id, version: 1, modules: ['todos'] }
      return { reply: await env.call('permissions', event, 'demo-manager'), targetId: t.id }
    },
  },
  reject: {
    input: { accountId: 'a-wang', version: 1, reason: '信息不符' },
    async happy(env) {
      const t = await env.pendingHandler()
      const event = { action: 'reject', accountId: t.id, version: 1, reason: '信息不符' }
      return { reply: await env.call('permissions', event, 'demo-manager'), targetId: t.id }
    },
  },
  setModules: {
    input: { accountId: 'a-li', version: 1, modules: ['todos'] },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const event = {
        action: 'setModules',
        accountId: t.id,
        version: t.version,
        modules: ['funds'],
      }
      return { reply: await env.call('permissions', event, 'demo-manager'), targetId: t.id }
    },
  },
  removeHandler: {
    input: { accountId: 'a-li', version: 1 },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const event = { action: 'removeHandler', accountId: t.id, version: t.version }
      return { reply: await env.call('permissions', event, 'demo-manager'), targetId: t.id }
    },
  },
  auditTrail: { input: { accountId: 'a-li', page: 0 }, readOnly: true },
  sendPhoneCode: { input: { phone: '13500000003' } },
  changePhone: {
    input: { phone: '13500000003', code: '123456', requestId: newRequestId() },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const { phone } = env.fresh()
      const code = await codeFor(env.cloud, t.openid, phone, 'permissions', 'sendPhoneCode')
      const event = { action: 'changePhone', phone, code, requestId: newRequestId() }
      return { reply: await env.call('permissions', event, t.openid), targetId: t.id }
    },
  },
  deregister: {
    input: { confirm: true },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const reply = await env.call('permissions', { action: 'deregister', confirm: true }, t.openid)
      return { reply, targetId: t.id }
    },
  },
  unbind: {
    input: {},
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      return {
        reply: await env.call('permissions', { action: 'unbind' }, t.openid),
        targetId: t.id,
      }
    },
  },
}
export default samples
