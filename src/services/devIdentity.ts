/**
 * H5 ONLY (imported by cloud.h5.ts and the dev identity page, never by weapp code): which demo
 * user the local cloud should treat as the caller. In WeChat the cloud itself says who calls.
 */
export const DEV_OPENID_KEY = 'dev.openid'
export const DEFAULT_DEV_OPENID = 'demo-handler'

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

/** `?openid=` in the URL (before or inside the hash route), if any. */
function openidFromUrl(): string | null {
  if (typeof window === 'undefined') return null
  const { search, hash } = window.location
  const fromSearch = new URLSearchParams(search).get('openid')
  if (fromSearch) return fromSearch
  const q = hash.indexOf('?')
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get('openid') : null
}

let urlApplied = false

/** Stores an `?openid=` from the URL once per page load, so tests and links can pick the caller. */
function applyUrlOpenid(): void {
  if (urlApplied) return
  urlApplied = true
  const fromUrl = openidFromUrl()
  if (fromUrl) setDevOpenid(fromUrl)
}

export function getDevOpenid(): string {
  applyUrlOpenid()
  return storage()?.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
}

export function setDevOpenid(openid: string): void {
  storage()?.setItem(DEV_OPENID_KEY, openid)
}
