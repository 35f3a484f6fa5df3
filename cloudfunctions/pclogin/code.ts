import * as cloud from 'wx-server-sdk'
import { AppError } from '../../types/errors'
import { PC_LOGIN } from '../../types/pclogin'

/**
 * The mini program code the computer shows: it opens the confirm page with the request's id as its
 * `scene`. `wxacode.getUnlimited` is listed in this function's config.json (WeChat refuses the
 * call otherwise). Until the confirm page is in a released version, MP_ENV_VERSION=trial or
 * develop makes the code open that version (README › 电脑端).
 */
export async function loginImage(scene: string): Promise<string> {
  const envVersion = process.env.MP_ENV_VERSION || 'release'
  try {
    const res = (await cloud.openapi.wxacode.getUnlimited({
      scene,
      page: PC_LOGIN.confirmPage,
      checkPath: false,
      envVersion,
      width: 280,
    })) as { contentType?: string; buffer: Buffer | Uint8Array }
    const type = res.contentType || 'image/png'
    return `data:${type};base64,${Buffer.from(res.buffer).toString('base64')}`
  } catch (err) {
    console.error('[pclogin] wxacode.getUnlimited failed', (err as Error).message)
    throw new AppError('UPSTREAM_FAILED', '二维码生成失败，请稍后重试')
  }
}
