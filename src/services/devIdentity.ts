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

/** `?<name>=` in the URL (before or inside the hash route), if any. */
function fromUrl(name: string): string | null {
  if (typeof window === 'undefined') return null
  const { search, hash } = window.location
  const fromSearch = new URLSearchParams(search).get(name)
  if (fromSearch) return fromSearch
  const q = hash.indexOf('?')
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get(name) : null
}

let urlApplied = false

/**
 * Stores an `?openid=` or `?door=` from the URL once per page load, so tests and links can pick
 * the caller, or the computer's door (`?door=pc`: the web SDK and 扫码登录, as in production).
 */
function applyUrl(): void {
  if (urlApplied) return
  urlApplied = true
  const openid = fromUrl('openid')
  if (openid) setDevOpenid(openid)
  const door = fromUrl('door')
  if (door === 'pc' || door === 'phone') setDevDoor(door)
}

export function getDevOpenid(): string {
  applyUrl()
  return storage()?.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
}

export function setDevOpenid(openid: string): void {
  storage()?.setItem(DEV_OPENID_KEY, openid)
}

export const DEV_DOOR_KEY = 'dev.door'

/**
 * The local build's door: 'phone' (the default: the caller is the chosen demo user, as a mini
 * program user) or 'pc' (the computer: the web SDK, 扫码登录 and a session, as in production).
 */
export function getDevDoor(): 'pc' | 'phone' {
  applyUrl()
  return storage()?.getItem(DEV_DOOR_KEY) === 'pc' ? 'pc' : 'phone'
}

export function setDevDoor(door: 'pc' | 'phone'): void {
  storage()?.setItem(DEV_DOOR_KEY, door)
}
