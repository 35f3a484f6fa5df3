import * as cloud from 'wx-server-sdk'

/**
 * The credential a test's own SDK presents at /admin. The local cloud accepts only its own
 * (LOCAL_CLOUD_SECRET, else random per start), so a test that connects an SDK starts it with
 * `startCloud({ env: SDK_ENV })`.
 */
export const SDK_SECRET = 'test-sdk-secret'
export const SDK_ENV = { LOCAL_CLOUD_SECRET: SDK_SECRET }

/**
 * Points the real wx-server-sdk in this test process at a local cloud, the way the WeChat runtime
 * configures a function (environment variables, cloud-protocol.md §1).
 */
export function connectSdk(url: string): typeof cloud {
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: new URL('admin', url).toString() }),
    TENCENTCLOUD_SECRETID: SDK_SECRET,
    TENCENTCLOUD_SECRETKEY: SDK_SECRET,
    SCF_NAMESPACE: 'local-env',
    TCB_ENV: 'local-env',
    SILENCE: 'true',
  })
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return cloud
}

/** The SDK's typings say `void | Promise`; the promise form is what runs. */
export async function result<T = Record<string, unknown>>(call: unknown): Promise<T> {
  return (await call) as T
}

/** The rejection of a call, or a failure if it resolved. */
export async function rejection(call: unknown): Promise<Record<string, unknown>> {
  try {
    await call
  } catch (err) {
    return err as Record<string, unknown>
  }
  throw new Error('expected the call to fail, it succeeded')
}

export const FIXTURE_FUNCTIONS = `${__dirname}/fixtures/functions`
