import * as cloud from 'wx-server-sdk'
import { PC_SESSION, type Account, type PcSessionDoc } from '../../types/account'
import { AppError } from '../../types/errors'
import { BOUND_STATUSES } from './accounts'
import { first, updateCount } from './db'

/**
 * Who calls, as the platform vouches for it — never a field of the event:
 * - weapp:   the mini program; the runtime's OPENID (getWXContext).
 * - pc:      a computer signed in with a custom-login ticket; the runtime's TCB_CUSTOM_USER_ID is
 *            the session's id (the ticket was issued for it when the phone confirmed).
 * - visitor: a computer not signed in yet: an anonymous CloudBase web user (TCB_UUID only).
 * - none:    no caller at all (a timer trigger, a console test run).
 * The TCB_* variables are what @cloudbase/node-sdk's auth().getUserInfo() reads; the local cloud
 * sets them per call the same way (server/local-cloud).
 */
export type Door = 'weapp' | 'pc' | 'visitor' | 'none'

export interface Identity {
  door: Door
  /** The WeChat OPENID (weapp), or for a computer the OPENID of the account it signed in as. */
  openid: string
  /** pc: the session's id. */
  sessionId: string
  /** visitor: the anonymous web user's uid. */
  uid: string
  /** The caller's IP as the runtime saw it ('' when unknown). */
  ip: string
}

/** How the trail names a door (审核信息: 小程序 / 电脑端). */
export const DOOR_LABELS: Record<'weapp' | 'pc', string> = { weapp: '小程序', pc: '电脑端' }

export function readIdentity(): Identity {
  const wx = cloud.getWXContext() as Record<string, unknown>
  const env = process.env
  const openid = wx.OPENID == null ? '' : String(wx.OPENID)
  const ip = String(wx.CLIENTIP ?? env.TCB_SOURCE_IP ?? '')
  const base = { openid, sessionId: '', uid: '', ip }
  if (openid) return { ...base, door: 'weapp' }
  const custom = env.TCB_CUSTOM_USER_ID ?? ''
  if (custom) return { ...base, door: 'pc', sessionId: custom }
  const uid = env.TCB_UUID ?? ''
  if (uid) return { ...base, door: 'visitor', uid }
  return { ...base, door: 'none' }
}

const accounts = () => cloud.database().collection('accounts')
const sessions = () => cloud.database().collection('pc_sessions')

export async function findCaller(openid: string): Promise<Account | null> {
  if (!openid) return null
  const _ = cloud.database().command
  return first<Account>(accounts().where({ openid, status: _.in([...BOUND_STATUSES]) }))
}

/** Why a session no longer signs its computer in, or null while it does. */
export function sessionEnd(
  session: PcSessionDoc,
  account: Pick<Account, 'status'> | null,
  at: number,
): PcSessionDoc['endedBy'] | 'expired' | 'account' | null {
  if (session.endedAt) return session.endedBy ?? 'self'
  if (at - session.lastSeenAt > PC_SESSION.idleMs || at - session.createdAt > PC_SESSION.maxMs)
    return 'expired'
  // Unbinding, 注销 and removal leave the account for good (a new binding is a new account).
  if (!account || !(BOUND_STATUSES as readonly string[]).includes(account.status)) return 'account'
  return null
}

/**
 * The account a computer's session signs in as; SESSION_ENDED once the session is over (signed
 * out, ended from the phone, idle, too old, or the account unbound / removed / 注销).
 */
async function sessionCaller(sessionId: string, at: number): Promise<Account> {
  const session = await first<PcSessionDoc>(sessions().where({ _id: sessionId }))
  if (!session) throw new AppError('SESSION_ENDED')
  const account = await first<Account>(accounts().where({ _id: session.accountId }))
  if (sessionEnd(session, account, at) || !account) throw new AppError('SESSION_ENDED')
  if (at - session.lastSeenAt >= PC_SESSION.touchEveryMs) {
    const _ = cloud.database().command
    // Only forward, only while open: a touch never revives or rewinds a session.
    await updateCount(sessions().where({ _id: sessionId, endedAt: 0, lastSeenAt: _.lt(at) }), {
      lastSeenAt: at,
    })
  }
  return account
}

/** The caller's account (null when there is none) and the identity, the OPENID filled for a pc. */
export async function resolveCaller(
  who: Identity,
  at: number,
): Promise<{ caller: Account | null; who: Identity }> {
  if (who.door === 'weapp') return { caller: await findCaller(who.openid), who }
  if (who.door !== 'pc') return { caller: null, who }
  const caller = await sessionCaller(who.sessionId, at)
  return { caller, who: { ...who, openid: caller.openid ?? '' } }
}
