import { AppError, isErrorCode, type ErrorBody } from '../../types/errors'

/** What a page sends to a cloud function: the action and its parameters. */
export interface CloudEvent {
  action: string
  [param: string]: unknown
}

function isErrorBody(x: unknown): x is ErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as ErrorBody).code === 'string'
}

/**
 * Turns a function's `Result<T>` reply into its data, or throws the `AppError` it carries
 * (code, message, per-field messages, an INVALID_STATE's allowed moves and an UPSTREAM_FAILED's
 * seconds to wait kept). A reply of any other shape is INTERNAL.
 */
export function unwrap<T>(reply: unknown): T {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const r = reply as { ok: unknown; data?: unknown; error?: unknown }
    if (r.ok === true) return r.data as T
    if (r.ok === false && isErrorBody(r.error)) {
      const { code, message, fields, allowed, retryAfterSec } = r.error
      if (isErrorCode(code))
        throw new AppError(code, message || undefined, fields, allowed, retryAfterSec)
      throw new AppError('INTERNAL', undefined, fields)
    }
  }
  throw new AppError('INTERNAL')
}

/** The Chinese text to show for anything a call may throw. */
export function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message
  return new AppError('INTERNAL').message
}
