import type { z } from 'zod'
import type { AccountStatus, Role } from './account'
import type { ModuleCode } from './modules'

/**
 * A module's contract, shared by its cloud function and its pages: for each action, the input
 * schema, the type of the answer, who may call it and, for a state-changing action, the label of
 * its audit row. The kernel's `defineFunction` is checked against it; pages call through
 * `call(contract, action, input)` and get the answer's type without writing it again.
 */

/**
 * Who may call an action. Checked in the function, from the account found by the runtime's
 * OPENID; nothing the client sends (role, user id, openid) is authority.
 * - public:  anyone, bound or not (binding itself).
 * - account: a bound account in one of the given states (e.g. a pending handler reading its status).
 * - member:  an active account in the project it touches, holding the module and one of the roles.
 * - operator: the platform operator (住建局 / 街道), not a mini-program user: an OPENID listed in
 *   the function's OPERATOR_OPENIDS environment variable (README › Deploying).
 * - visitor: a computer not signed in yet (an anonymous CloudBase web user): the scan-to-log-in
 *   steps only. Such a caller is refused every other action, and nobody else may call these.
 * A computer signed in (电脑端) is resolved to its account and passes the same checks as the phone,
 * except for actions marked `phoneOnly`.
 */
export type Access =
  | { readonly kind: 'public' }
  | { readonly kind: 'operator' }
  | { readonly kind: 'visitor' }
  | { readonly kind: 'account'; readonly statuses: readonly AccountStatus[] }
  | { readonly kind: 'member'; readonly module?: ModuleCode; readonly roles?: readonly Role[] }

export interface ActionSpec<
  I extends z.ZodTypeAny = z.ZodTypeAny,
  O = unknown,
  A extends Access = Access,
> {
  readonly input: I
  readonly access: A
  /** The answer's type (a phantom: `returns<T>()`; never read at run time). */
  readonly output: O
  /** Needs a client-chosen `requestId`; a repeated call returns the first call's result. */
  readonly idempotent?: boolean
  /** A state-changing action: the label of the audit row it must leave (审核信息 shows it). */
  readonly audit?: string
  /** Tied to the WeChat itself (binding, SMS codes, the phone number, approving a computer):
   *  refused when called from a computer (PHONE_ONLY). */
  readonly phoneOnly?: boolean
}

export interface Contract<
  F extends string = string,
  A extends Record<string, ActionSpec> = Record<string, ActionSpec>,
> {
  /** The cloud function's name (its folder under cloudfunctions/). */
  readonly fn: F
  readonly actions: A
}

/** Marks the type an action answers with: `output: returns<Session>()`. */
export function returns<T>(): T {
  return undefined as T
}

/** The active members of `module` in the project an action touches; with `roles`, only those. */
export function member<const M extends ModuleCode>(
  module: M,
): { readonly kind: 'member'; readonly module: M }
export function member<const M extends ModuleCode, const R extends readonly Role[]>(
  module: M,
  roles: R,
): { readonly kind: 'member'; readonly module: M; readonly roles: R }
export function member(module: ModuleCode, roles?: readonly Role[]): Access {
  return roles ? { kind: 'member', module, roles } : { kind: 'member', module }
}

/**
 * The actions one `access` may call, one a line: `read(input, returns<T>())`; a state-changing
 * one adds its audit label, `manage(input, returns<T>(), '确认检查')`, and a retried one
 * `{ idempotent: true }`.
 */
export function actionsFor<const A extends Access>(access: A) {
  return <I extends z.ZodTypeAny, O>(
    input: I,
    output: O,
    audit?: string,
    flags: Pick<ActionSpec, 'idempotent'> = {},
  ): ActionSpec<I, O, A> => ({
    input,
    access,
    output,
    ...(audit === undefined ? {} : { audit }),
    ...flags,
  })
}

export function defineContract<const F extends string, const A extends Record<string, ActionSpec>>(
  fn: F,
  actions: A,
): Contract<F, A> {
  return { fn, actions }
}

export type ActionName<C extends Contract> = keyof C['actions'] & string
/** What a page sends (before defaults are applied). */
export type InputOf<C extends Contract, K extends ActionName<C>> = z.input<C['actions'][K]['input']>
/** What the function receives (after parsing). */
export type ParsedInputOf<C extends Contract, K extends ActionName<C>> = z.infer<
  C['actions'][K]['input']
>
export type OutputOf<C extends Contract, K extends ActionName<C>> = C['actions'][K]['output']

/** Audit labels of every action of these contracts that leaves a row, by action name. */
export function auditLabels(contracts: readonly Contract[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of contracts) {
    for (const [name, spec] of Object.entries(c.actions)) if (spec.audit) out[name] = spec.audit
  }
  return out
}
