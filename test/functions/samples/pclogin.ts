import { PcLoginContract, type LoginCode } from '../../../types/pclogin'
import { webVisitor, type WebClient } from '../../support/web'
import { expectOk } from '../helpers'
import type { Env, Samples } from './kit'

const ANY_LOGIN = 'A'.repeat(24)

/** A computer showing its code (an anonymous web user): what the phone scans. */
async function codeOnScreen(env: Env): Promise<{ pc: WebClient; code: LoginCode }> {
  const pc = await webVisitor(env.cloud)
  const reply = await pc.act(PcLoginContract, 'request', {})
  if (!reply.ok) throw new Error(`request failed: ${JSON.stringify(reply.error)}`)
  return { pc, code: reply.data }
}

/** A computer signed in as `openid` (the phone confirmed its code). */
async function signedIn(env: Env, openid: string): Promise<WebClient> {
  const { pc, code } = await codeOnScreen(env)
  expectOk(await env.caller(PcLoginContract)('approve', { loginId: code.loginId }, openid))
  const answer = await pc.act(PcLoginContract, 'poll', {
    loginId: code.loginId,
    secret: code.secret,
  })
  if (!answer.ok || answer.data.status !== 'approved') throw new Error('not signed in')
  await pc.signIn(answer.data.ticket)
  return pc
}

const samples: Samples<typeof PcLoginContract> = {
  request: { input: {} },
  poll: { input: { loginId: ANY_LOGIN, secret: 'S'.repeat(43) } },
  peek: {
    input: { loginId: ANY_LOGIN },
    readOnly: true,
    liveInput: async (env) => ({ loginId: (await codeOnScreen(env)).code.loginId }),
  },
  approve: {
    input: { loginId: ANY_LOGIN },
    async happy(env) {
      const { code } = await codeOnScreen(env)
      const reply = await env.caller(PcLoginContract)(
        'approve',
        { loginId: code.loginId },
        'demo-manager',
      )
      const [row] = await env.cloud.collection<{ sessionId: string }>('pc_logins', {
        _id: code.loginId,
      })
      return { reply, targetId: row.sessionId }
    },
  },
  cancel: {
    input: { loginId: ANY_LOGIN },
    async happy(env) {
      const { code } = await codeOnScreen(env)
      const reply = await env.caller(PcLoginContract)(
        'cancel',
        { loginId: code.loginId },
        'demo-manager',
      )
      return { reply, targetId: code.loginId }
    },
  },
  sessions: { input: {}, readOnly: true },
  endSession: {
    input: { sessionId: `pc${'A'.repeat(24)}` },
    async happy(env) {
      await signedIn(env, 'demo-manager')
      const [row] = expectOk(await env.caller(PcLoginContract)('sessions', {}, 'demo-manager'))
      const reply = await env.caller(PcLoginContract)(
        'endSession',
        { sessionId: row._id },
        'demo-manager',
      )
      return { reply, targetId: row._id }
    },
  },
  logout: {
    input: {},
    async happy(env) {
      const pc = await signedIn(env, 'demo-manager')
      const listed = await pc.act(PcLoginContract, 'sessions', {})
      const current = listed.ok ? listed.data.find((s) => s.current) : undefined
      if (!current) throw new Error('the computer does not see its own session')
      return { reply: await pc.act(PcLoginContract, 'logout', {}), targetId: current._id }
    },
  },
}

export default samples
