import QRCode from 'qrcode'

/**
 * `cloud.openapi.wxacode.getUnlimited` stand-in: WeChat answers a mini program code that opens
 * `page` with `scene`; locally the answer is a real QR code (PNG) of the URL that opens that page
 * of the local H5 app with `?scene=<scene, URL-encoded>` — what the mini program page receives as
 * options.scene — so a second browser can play the phone. Refusals as WeChat's (errcode).
 */
export interface WxacodeParams {
  scene?: unknown
  page?: unknown
  width?: unknown
}

export type WxacodeAnswer = { png: Buffer } | { errcode: number; errmsg: string }

// WeChat: at most 32 visible characters of these (getUnlimited's documentation).
const SCENE = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$/
const PAGE = /^[A-Za-z0-9_\-/]+$/
const WIDTH = { min: 280, max: 1280, default: 430 }

/** The H5 URL the code stands for: `<origin>/#/<page>?scene=<encoded scene>`. */
export function wxacodeUrl(origin: string, page: string, scene: string): string {
  return `${origin}/#/${page}?scene=${encodeURIComponent(scene)}`
}

function widthOf(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n)) return WIDTH.default
  return Math.min(WIDTH.max, Math.max(WIDTH.min, Math.round(n)))
}

export async function getUnlimited(origin: string, params: WxacodeParams): Promise<WxacodeAnswer> {
  const { scene, page = '' } = params
  if (typeof scene !== 'string' || !SCENE.test(scene)) {
    return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json' }
  }
  // WeChat: the page path without a leading slash; empty means the home page.
  if (typeof page !== 'string' || (page !== '' && (page.startsWith('/') || !PAGE.test(page)))) {
    return { errcode: 41030, errmsg: 'invalid page hint' }
  }
  const png = await QRCode.toBuffer(wxacodeUrl(origin, page, scene), {
    type: 'png',
    width: widthOf(params.width),
    margin: 2,
    errorCorrectionLevel: 'M',
  })
  return { png }
}
