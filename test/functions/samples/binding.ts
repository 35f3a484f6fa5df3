import { BindingContract } from '../../../types/binding'
import { codeFor, newRequestId, type Samples } from './kit'

const samples: Samples<typeof BindingContract> = {
  me: { input: {}, readOnly: true },
  sendCode: { input: { phone: '13500000001' } },
  searchProjects: { input: { keyword: '阳光' }, readOnly: true },
  submit: {
    input: {
      category: 'property',
      name: '王五',
      phone: '13500000002',
      code: '123456',
      projectId: 'p-yangguang',
      requestId: newRequestId(),
    },
    async happy(env) {
      const { openid, phone } = env.fresh()
      const code = await codeFor(env.cloud, openid, phone)
      const reply = await env.caller(BindingContract)(
        'submit',
        {
          category: 'property',
          name: '审计样例',
          phone,
          code,
          projectId: 'p-yangguang',
          requestId: newRequestId(),
        },
        openid,
      )
      return { reply, targetId: reply.ok ? reply.data.account!._id : '' }
    },
  },
}
export default samples
