import { PermissionsContract } from '../../../types/permissions'
import { codeFor, newRequestId, type Samples } from './kit'

const samples: Samples<typeof PermissionsContract> = {
  contacts: { input: { projectId: 'p-yangguang' }, readOnly: true },
  listHandlers: { input: { status: 'pending', projectId: 'p-yangguang' }, readOnly: true },
  authorize: {
    input: { accountId: 'a-wang', version: 1, modules: ['todos'] },
    async happy(env) {
      const t = await env.pendingHandler()
      return {
        reply: await env.caller(PermissionsContract)(
          'authorize',
          { accountId: t.id, version: 1, modules: ['todos'] },
          'demo-manager',
        ),
        targetId: t.id,
      }
    },
  },
  reject: {
    input: { accountId: 'a-wang', version: 1, reason: '信息不符' },
    async happy(env) {
      const t = await env.pendingHandler()
      return {
        reply: await env.caller(PermissionsContract)(
          'reject',
          { accountId: t.id, version: 1, reason: '信息不符' },
          'demo-manager',
        ),
        targetId: t.id,
      }
    },
  },
  setModules: {
    input: { accountId: 'a-li', version: 1, modules: ['todos'] },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      return {
        reply: await env.caller(PermissionsContract)(
          'setModules',
          { accountId: t.id, version: t.version, modules: ['funds'] },
          'demo-manager',
        ),
        targetId: t.id,
      }
    },
  },
  removeHandler: {
    input: { accountId: 'a-li', version: 1 },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      return {
        reply: await env.caller(PermissionsContract)(
          'removeHandler',
          { accountId: t.id, version: t.version },
          'demo-manager',
        ),
        targetId: t.id,
      }
    },
  },
  auditTrail: { input: { accountId: 'a-li', page: 0 }, readOnly: true },
  sendPhoneCode: { input: { phone: '13500000003' } },
  changePhone: {
    input: { phone: '13500000003', code: '123456', requestId: newRequestId() },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const { phone } = env.fresh()
      const code = await codeFor(env.cloud, t.openid, phone, 'newPhone')
      return {
        reply: await env.caller(PermissionsContract)(
          'changePhone',
          { phone, code, requestId: newRequestId() },
          t.openid,
        ),
        targetId: t.id,
      }
    },
  },
  deregister: {
    input: { confirm: true },
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      const reply = await env.caller(PermissionsContract)('deregister', { confirm: true }, t.openid)
      return { reply, targetId: t.id }
    },
  },
  unbind: {
    input: {},
    async happy(env) {
      const t = await env.activeHandler(['todos'])
      return {
        reply: await env.caller(PermissionsContract)('unbind', {}, t.openid),
        targetId: t.id,
      }
    },
  },
}
export default samples
