/**
 * Runs in the browser: the unmodified @cloudbase/js-sdk, imported as the PC app will import it
 * (only app, auth and functions), pointed at the page's own origin with the documented
 * `registerEndPointWithKey` (GATEWAY mode, the SDK's default). Bundled by bundle.ts; the capture
 * tool and the conformance test drive it through `window.webSdk`.
 */
import cloudbase from '@cloudbase/js-sdk/app'
import { registerAuth } from '@cloudbase/js-sdk/auth'
import { registerFunctions } from '@cloudbase/js-sdk/functions'

type App = ReturnType<typeof cloudbase.init>
// The typings of the split packages lag behind 3.x; what runs is what the source says.
type Loose = Record<string, (...args: unknown[]) => Promise<unknown>>

let app: App | null = null

function need(): App {
  if (!app) throw new Error('webSdk.init() first')
  return app
}

const auth = () => need().auth() as unknown as Loose

/** What a call gave: its value or its error, as plain data the test can read. */
async function settle(work: () => Promise<unknown>) {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify((await work()) ?? null)) }
  } catch (err) {
    const e = err as Record<string, unknown>
    const plain = e instanceof Error ? { message: e.message } : {}
    return { ok: false, error: { ...JSON.parse(JSON.stringify(e ?? null)), ...plain } }
  }
}

/** 3.x sign-ins resolve to `{ data: { user, session }, error }` (and never throw). */
function signedIn(res: unknown) {
  const { data, error } = res as { data?: { user?: { id?: string } }; error?: unknown }
  if (error) throw error
  return { uid: data?.user?.id ?? null }
}

const webSdk = {
  init(env: string) {
    registerAuth(cloudbase as never)
    registerFunctions(cloudbase as never)
    app = cloudbase.init({ env })
    const loose = app as unknown as {
      registerEndPointWithKey(p: { key: string; url: string; protocol: string }): void
    }
    loose.registerEndPointWithKey({
      key: 'GATEWAY',
      url: `//${location.host}/v1`,
      protocol: location.protocol.replace(':', ''),
    })
    return true
  },
  signInAnonymously: () => settle(async () => signedIn(await auth().signInAnonymously({}))),
  signInWithCustomTicket: (ticket: string) =>
    settle(async () =>
      signedIn(await auth().signInWithCustomTicket(() => Promise.resolve(ticket))),
    ),
  loginState: () =>
    settle(async () => {
      const state = (await auth().getLoginState()) as { user?: Record<string, unknown> } | null
      return state ? { user: { uid: state.user?.uid, sub: state.user?.sub } } : null
    }),
  credentials: () => settle(() => auth().getCredentials()),
  refresh: () => settle(() => auth().refreshTokenForce({})),
  callFunction: (name: string, data: unknown) =>
    settle(() => (need() as unknown as Loose).callFunction({ name, data })),
  signOut: () => settle(() => auth().signOut()),
}

;(window as unknown as { webSdk: typeof webSdk }).webSdk = webSdk
