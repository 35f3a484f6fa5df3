/**
 * H5 (Taro picks this file for the browser; webCloud.ts is what the mini program sees), loaded
 * by cloud.h5.ts when calls go through the computer's door: the CloudBase web SDK
 * (@cloudbase/js-sdk: only app, auth and functions), as the PC side calls the same cloud functions.
 *
 * A computer starts as an anonymous web user (匿名登录), which may only take the scan-to-log-in
 * steps; once the phone confirms, it signs in with the custom-login ticket pclogin.poll hands
 * over, and every call carries that session until it ends. In production the SDK talks to the
 * environment TARO_APP_CLOUD_ENV; in the local build it talks to the local cloud that served the
 * page (GATEWAY endpoint registered to this origin: docs/web-sdk-protocol.md §1).
 *
 * The SDK is imported on first use, so the first paint does not wait for its ~100 KB.
 */
import { AppError } from '../../types/errors'
import { unwrap, type CloudEvent } from './reply'

interface WebAuth {
  getLoginState(): Promise<unknown>
  signInAnonymously(data?: object): Promise<{ error?: unknown }>
  signInWithCustomTicket(getTicket: () => Promise<string>): Promise<{ error?: unknown }>
  signOut(): Promise<unknown>
}
interface WebApp {
  auth(): WebAuth
  callFunction(opts: { name: string; data: unknown }): Promise<{ result: unknown }>
  registerEndPointWithKey(p: { key: string; url: string; protocol: string }): void
}

/** The local build's environment name (the local cloud's LOCAL_CLOUD_ENV default). */
const LOCAL_ENV = 'local-env'

let ready: Promise<WebApp> | null = null
/**
 * This computer's session ended since it last signed in: until it signs in again, the pages hear
 * SESSION_ENDED (扫码登录 says why) rather than a bare NOT_SIGNED_IN.
 */
let ended = false

async function load(): Promise<WebApp> {
  const [{ default: cloudbase }, { registerAuth }, { registerFunctions }] = await Promise.all([
    import('@cloudbase/js-sdk/app'),
    import('@cloudbase/js-sdk/auth'),
    import('@cloudbase/js-sdk/functions'),
  ])
  registerAuth(cloudbase as never)
  registerFunctions(cloudbase as never)
  const production = process.env.TARO_APP_PC === '1'
  const env = production ? process.env.TARO_APP_CLOUD_ENV || '' : LOCAL_ENV
  const app = cloudbase.init({ env }) as unknown as WebApp
  if (!production) {
    app.registerEndPointWithKey({
      key: 'GATEWAY',
      url: `//${window.location.host}/v1`,
      protocol: window.location.protocol.replace(':', ''),
    })
  }
  if (!(await app.auth().getLoginState())) await signInAnonymously(app)
  return app
}

async function signInAnonymously(app: WebApp): Promise<void> {
  const { error } = await app.auth().signInAnonymously({})
  if (error) throw new AppError('NETWORK', '无法连接平台，请检查网络后刷新页面')
}

function webApp(): Promise<WebApp> {
  ready ??= load().catch((err: unknown) => {
    ready = null // the next call tries again (a network blip at start)
    throw err instanceof AppError ? err : new AppError('NETWORK')
  })
  return ready
}

/** The gateway's refusals that mean the web login itself is gone (not the session's answer). */
const LOGIN_GONE = new Set(['INVALID_ACCESS_TOKEN', 'ACCESS_TOKEN_EXPIRED', 'invalid_grant'])

export async function callWeb<T>(name: string, event: CloudEvent): Promise<T> {
  const app = await webApp()
  let res: { result: unknown }
  try {
    res = await app.callFunction({ name, data: event })
  } catch (err) {
    const code = String((err as { code?: unknown })?.code ?? '')
    if (LOGIN_GONE.has(code)) {
      await startOver(app)
      ended = true
      throw new AppError('SESSION_ENDED')
    }
    throw new AppError('NETWORK')
  }
  try {
    return unwrap<T>(res.result)
  } catch (err) {
    // The session ended (退出登录 elsewhere, idle, unbound): this web login is spent too.
    if (err instanceof AppError && err.code === 'SESSION_ENDED') {
      await startOver(app)
      ended = true
    }
    if (ended && err instanceof AppError && err.code === 'NOT_SIGNED_IN')
      throw new AppError('SESSION_ENDED')
    throw err
  }
}

/** Back to an anonymous web user, who may ask for a new code: the page shows 扫码登录. */
async function startOver(app: WebApp): Promise<void> {
  await app
    .auth()
    .signOut()
    .catch(() => undefined)
  await signInAnonymously(app).catch(() => undefined)
}

/** After the phone confirmed: the computer signs in as that account's session. */
export async function signInWithTicket(ticket: string): Promise<void> {
  const app = await webApp()
  const { error } = await app.auth().signInWithCustomTicket(() => Promise.resolve(ticket))
  if (error) throw new AppError('SESSION_ENDED', '登录失败，请刷新二维码后重新扫码')
  ended = false
}

/** 退出登录 on this computer, once the function has ended the session: back to anonymous. */
export async function signOutWeb(): Promise<void> {
  await startOver(await webApp())
  ended = false // signed out on purpose: 扫码登录 needs no reason
}
