/** WeChat: calls go through the WeChat cloud, which vouches for the caller's OPENID. */
import Taro from '@tarojs/taro'
import { AppError } from '../../types/errors'
import { unwrap, type CloudEvent } from './reply'

export type { CloudEvent } from './reply'

let initialised = false

export function initCloud(): void {
  if (initialised) return
  initialised = true
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}

/** Error codes of a function that was reached but crashed or is not deployed. */
const EXECUTION_FAILURES = [-404011, -504002, -501000]

export async function callFunction<T>(name: string, event: CloudEvent): Promise<T> {
  initCloud()
  let result: unknown
  try {
    const res = await Taro.cloud.callFunction({ name, data: event })
    result = res.result
  } catch (err) {
    const errCode = (err as { errCode?: number } | null)?.errCode
    throw new AppError(
      typeof errCode === 'number' && EXECUTION_FAILURES.includes(errCode) ? 'INTERNAL' : 'NETWORK',
    )
  }
  return unwrap<T>(result)
}
