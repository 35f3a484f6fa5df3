/**
 * The one error vocabulary of the project. Cloud functions return these codes; pages show the
 * message (or their own, keyed by code). Listed once here so both sides agree.
 */
export const ERROR_MESSAGES = {
  BAD_INPUT: '输入有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  NOT_BOUND: '尚未进行身份认证',
  /** A computer not signed in (or whose session ended): back to 扫码登录. */
  NOT_SIGNED_IN: '请先扫码登录',
  SESSION_ENDED: '电脑端登录已失效，请重新扫码登录',
  PHONE_ONLY: '该操作需在微信小程序中进行',
  ACCOUNT_PENDING: '账号待项目负责人授权',
  ACCOUNT_REJECTED: '账号申请未通过',
  ACCOUNT_INACTIVE: '账号已注销或已解除绑定',
  FORBIDDEN: '没有权限进行此操作',
  MODULE_NOT_GRANTED: '未获得该模块的权限',
  NOT_FOUND: '记录不存在',
  CONFLICT: '记录已被他人修改，请刷新后重试',
  /** A request id already used with another input: a page bug or a forged retry, never a retry. */
  REQUEST_REUSED: '该请求编号已用于另一操作，请刷新后重试',
  INVALID_STATE: '当前状态不允许此操作，请刷新后重试',
  ALREADY_BOUND: '该微信或手机号已绑定账号',
  CODE_INVALID: '验证码错误',
  CODE_EXPIRED: '验证码已失效，请重新获取',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  SEND_FAILED: '短信发送失败，请稍后再试',
  UPSTREAM_FAILED: '外部服务暂时不可用，请稍后重试',
  INTERNAL: '服务暂时不可用，请稍后再试',
  NETWORK: '网络异常，请检查网络后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

/**
 * Codes that another try cannot change: the record is not there or not the caller's (another
 * project's record, a wrong or outdated link). A page that could not load says what happened and
 * offers the way back, never 重试. Each has the line shown under the message.
 */
export const DEAD_END_HINTS: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: '可能已被删除、不属于当前项目，或链接有误',
  FORBIDDEN: '当前账号不能查看此内容，如有需要请联系项目负责人',
  MODULE_NOT_GRANTED: '请联系项目负责人授权后再使用',
  BAD_INPUT: '链接有误或已失效，请返回后重新进入',
  UNKNOWN_ACTION: '当前版本不支持此操作，请更新后再试',
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  /** Per-field messages for inline form validation: dotted path → message. */
  fields?: Record<string, string>
  /** INVALID_STATE: the events the record's state does allow. */
  allowed?: string[]
  /** UPSTREAM_FAILED: seconds until another try can help (a provider is being spared). */
  retryAfterSec?: number
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** The single error type thrown inside functions and by the page service wrapper. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>
  readonly allowed?: string[]
  readonly retryAfterSec?: number
  constructor(
    code: ErrorCode,
    message?: string,
    fields?: Record<string, string>,
    allowed?: string[],
    retryAfterSec?: number,
  ) {
    super(message ?? ERROR_MESSAGES[code])
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.allowed = allowed
    this.retryAfterSec = retryAfterSec
  }
  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.allowed ? { allowed: this.allowed } : {}),
      ...(this.retryAfterSec !== undefined ? { retryAfterSec: this.retryAfterSec } : {}),
    }
  }
}

export function isErrorCode(x: unknown): x is ErrorCode {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, x)
}
