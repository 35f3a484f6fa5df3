import {
  createHash,
  createHmac,
  generateKeyPairSync,
  randomBytes,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto'

/**
 * CloudBase's end-user sign-in for web callers (@cloudbase/js-sdk), as the local cloud answers it
 * (docs/web-sdk-protocol.md): anonymous users, custom-login tickets made by @cloudbase/node-sdk's
 * createTicket, access tokens (2 h) and refresh tokens, revocation. The custom-login key pair is
 * made at start; functions get its private half as CUSTOM_LOGIN_KEY, the JSON of the key file the
 * console hands out, so the same function code issues tickets here and in production. Sessions
 * and the token secret live in memory: a restart signs every browser out, as a new key would.
 */

/** A web caller as a function sees it (TCB_UUID, TCB_CUSTOM_USER_ID, TCB_ISANONYMOUS_USER). */
export interface WebUser {
  uid: string
  /** '' for an anonymous user. */
  customUserId: string
  anonymous: boolean
}

/** The console's custom-login private key file (身份认证 › 自定义登录 › 私钥下载). */
export interface CustomLoginKey {
  private_key_id: string
  private_key: string
  env_id: string
}

/** What a sign-in or a refresh answers (the SDK stores it as its credentials). */
export interface WebCredentials {
  token_type: 'Bearer'
  access_token: string
  refresh_token: string
  expires_in: number
  scope: 'anonymous' | 'user'
  sub: string
  groups: string[]
}

/** An OAuth-style refusal, as the SDK reads it: `{error, error_description}`. */
export interface AuthRefusal {
  error: 'invalid_grant' | 'unauthenticated'
  error_description: string
}

export type AccessCheck =
  { user: WebUser } | { code: 'INVALID_ACCESS_TOKEN' | 'ACCESS_TOKEN_EXPIRED'; message: string }

/** The env variable that carries CustomLoginKey's JSON to functions (and in production). */
export const CUSTOM_LOGIN_KEY_ENV = 'CUSTOM_LOGIN_KEY'
export const ACCESS_TOKEN_SECONDS = 2 * 60 * 60
const REFRESH_TOKEN_MS = 30 * 24 * 60 * 60 * 1000
const TICKET_SEPARATOR = '/@@/'
// node-sdk's check of a customUserId (auth/index.ts checkCustomUserIdRegex).
const CUSTOM_USER_ID = /^[a-zA-Z0-9_\-#@~=*(){}[\]:.,<>+]{4,32}$/

interface Session extends WebUser {
  /** Cloud-clock ms after which the session can no longer be refreshed. */
  expireAt: number
  revoked: boolean
}

interface TokenClaims {
  sid: string
  typ: 'access' | 'refresh'
  /** Seconds, on the local cloud's clock. */
  exp: number
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

const refused = (error_description: string): AuthRefusal => ({
  error: 'invalid_grant',
  error_description,
})

export class WebAuth {
  readonly key: CustomLoginKey
  private readonly publicKey: KeyObject
  private readonly secret = randomBytes(32)
  private readonly sessions = new Map<string, Session>()

  /**
   * `now`: the local cloud's clock (tokens expire on it, so a test can move past them). Tickets
   * are checked against real time, the clock their issuing function's createTicket read.
   */
  constructor(
    private readonly envName: string,
    private readonly now: () => number,
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.publicKey = pair.publicKey
    this.key = {
      private_key_id: `local-${randomBytes(6).toString('hex')}`,
      private_key: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      env_id: envName,
    }
  }

  /** `/__dev/reset`: every browser signed out. */
  clear(): void {
    this.sessions.clear()
  }

  signInAnonymously(): WebCredentials {
    const uid = randomBytes(16).toString('hex')
    return this.open({ uid, customUserId: '', anonymous: true }, this.now() + REFRESH_TOKEN_MS)
  }

  /** `POST /auth/v1/signin/custom`: a ticket from createTicket with this start's key. */
  signInCustom(ticket: unknown): WebCredentials | AuthRefusal {
    const claims = this.ticketClaims(ticket)
    if ('error' in claims) return claims
    // One CloudBase user per customUserId, the same across restarts.
    const uid = createHash('sha256')
      .update(`${this.envName}:${claims.uid}`)
      .digest('hex')
      .slice(0, 32)
    return this.open({ uid, customUserId: claims.uid, anonymous: false }, claims.expireAt)
  }

  /** `POST /auth/v1/token` with grant_type refresh_token. */
  refresh(refreshToken: unknown): WebCredentials | AuthRefusal {
    const found = this.verifyToken(refreshToken, 'refresh')
    if (!found || found.expired) return refused('refresh token invalid or expired')
    return this.issue(found.sid, found.session)
  }

  /** `POST /auth/v1/revoke` and `/user/signout`: the session ends, whatever token names it. */
  revoke(token: unknown): void {
    const found = this.verifyToken(token, 'access') ?? this.verifyToken(token, 'refresh')
    if (found) found.session.revoked = true
  }

  /** The caller of a gateway request (`Authorization: Bearer <access token>`). */
  checkAccess(authorization: string | undefined): AccessCheck {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
    const found = this.verifyToken(token, 'access')
    if (!found) return { code: 'INVALID_ACCESS_TOKEN', message: 'access token is invalid' }
    if (found.expired) return { code: 'ACCESS_TOKEN_EXPIRED', message: 'access token expired' }
    const { uid, customUserId, anonymous } = found.session
    return { user: { uid, customUserId, anonymous } }
  }

  private open(user: WebUser, expireAt: number): WebCredentials {
    this.prune()
    const sid = randomBytes(12).toString('base64url')
    const session: Session = { ...user, expireAt, revoked: false }
    this.sessions.set(sid, session)
    return this.issue(sid, session)
  }

  private prune(): void {
    const now = this.now()
    for (const [sid, s] of this.sessions)
      if (s.revoked || s.expireAt <= now) this.sessions.delete(sid)
  }

  private issue(sid: string, session: Session): WebCredentials {
    const nowS = Math.floor(this.now() / 1000)
    const refreshExp = Math.floor(Math.min(this.now() + REFRESH_TOKEN_MS, session.expireAt) / 1000)
    const scope = session.anonymous ? 'anonymous' : 'user'
    return {
      token_type: 'Bearer',
      access_token: this.sign({ sid, typ: 'access', exp: nowS + ACCESS_TOKEN_SECONDS }, session),
      refresh_token: this.sign({ sid, typ: 'refresh', exp: refreshExp }, session),
      expires_in: ACCESS_TOKEN_SECONDS,
      scope,
      sub: session.uid,
      groups: [scope],
    }
  }

  /** A JWT (HS256, this start's secret); the user's fields are there to read, not to trust. */
  private sign(claims: TokenClaims, user: WebUser): string {
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
      ...claims,
      sub: user.uid,
      cuid: user.customUserId,
      anon: user.anonymous,
      iat: Math.floor(this.now() / 1000),
      // Two tokens issued in the same second still differ (a refresh gives a new one).
      jti: randomBytes(8).toString('base64url'),
    })}`
    return `${body}.${createHmac('sha256', this.secret).update(body).digest('base64url')}`
  }

  /** The live session a token of kind `typ` names (expired or not), or null. */
  private verifyToken(token: unknown, typ: TokenClaims['typ']) {
    if (typeof token !== 'string') return null
    const parts = token.split('.')
    if (parts.length !== 3) return null
    const expected = createHmac('sha256', this.secret).update(`${parts[0]}.${parts[1]}`).digest()
    const given = Buffer.from(parts[2], 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
    const claims = parseJson(Buffer.from(parts[1], 'base64url').toString())
    if (!claims || claims.typ !== typ || typeof claims.sid !== 'string') return null
    const session = this.sessions.get(claims.sid)
    if (!session || session.revoked) return null
    const expired = Number(claims.exp) * 1000 <= this.now() || session.expireAt <= this.now()
    return { sid: claims.sid, session, expired }
  }

  /** createTicket's `<private_key_id>/@@/<RS256 JWT>`, checked as the cloud would. */
  private ticketClaims(ticket: unknown): { uid: string; expireAt: number } | AuthRefusal {
    if (typeof ticket !== 'string') return refused('ticket is required')
    const [keyId, jwt, ...rest] = ticket.split(TICKET_SEPARATOR)
    if (rest.length || !jwt) return refused('malformed ticket')
    if (keyId !== this.key.private_key_id) return refused('ticket signed with an unknown key')
    const parts = jwt.split('.')
    if (parts.length !== 3) return refused('malformed ticket')
    const header = parseJson(Buffer.from(parts[0], 'base64url').toString())
    const signed = Buffer.from(`${parts[0]}.${parts[1]}`)
    const signature = Buffer.from(parts[2], 'base64url')
    if (header?.alg !== 'RS256' || !verify('RSA-SHA256', signed, this.publicKey, signature)) {
      return refused('ticket signature invalid')
    }
    const claims = parseJson(Buffer.from(parts[1], 'base64url').toString()) ?? {}
    const uid = claims.uid
    if (claims.env !== this.envName) return refused('ticket is for another environment')
    if (typeof uid !== 'string' || !CUSTOM_USER_ID.test(uid)) return refused('invalid uid')
    // createTicket writes iat/exp in milliseconds (not JWT seconds).
    if (typeof claims.exp !== 'number' || claims.exp <= Date.now()) return refused('ticket expired')
    const expireAt = typeof claims.expire === 'number' ? claims.expire : Infinity
    if (expireAt <= this.now()) return refused('ticket expired')
    return { uid, expireAt }
  }
}
