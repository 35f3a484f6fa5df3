import tcb from '@cloudbase/node-sdk'
import { AppError } from '../../types/errors'
import { PC_SESSION } from '../../types/account'

/**
 * A CloudBase custom-login ticket for a computer's session: the browser signs in with it
 * (auth.signInWithCustomTicket) and from then on every call it makes carries the session's id as
 * TCB_CUSTOM_USER_ID. The private key (控制台 › 身份认证 › 自定义登录 › 私钥下载, a JSON file) is
 * given to this function only, as the environment variable CUSTOM_LOGIN_KEY (README › 电脑端);
 * it is never in the repository. The local cloud hands its own key the same way.
 */
export async function issueTicket(sessionId: string, at: number): Promise<string> {
  const raw = process.env.CUSTOM_LOGIN_KEY
  if (!raw) {
    console.error('[pclogin] CUSTOM_LOGIN_KEY is not set: computers cannot sign in')
    throw new AppError('INTERNAL', '电脑端登录尚未开通，请联系管理员')
  }
  let credentials: { private_key_id: string; private_key: string; env_id: string }
  try {
    credentials = JSON.parse(raw) as typeof credentials
  } catch {
    console.error('[pclogin] CUSTOM_LOGIN_KEY is not the key file’s JSON')
    throw new AppError('INTERNAL', '电脑端登录尚未开通，请联系管理员')
  }
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, credentials })
  // The session's limits (idle, 7 days) are the kernel's, which answers SESSION_ENDED; the web
  // login outlives them by a day so that the computer hears that answer rather than a failed
  // token refresh.
  const expire = at + PC_SESSION.maxMs + 24 * 60 * 60 * 1000
  return app.auth().createTicket(sessionId, { refresh: 60 * 60 * 1000, expire })
}
