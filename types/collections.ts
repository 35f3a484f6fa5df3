/**
 * Cloud database collections of the core (identity, audit, idempotency) and of the modules not yet
 * on the kit; a module on the kit lists its own in types/<module>.ts, and server/registry.ts
 * gathers them all. The local cloud creates these indexes; README tells how to create the same
 * ones in the WeChat cloud console.
 * An index is a list of [field, 1 | -1]; queries that filter on the leading fields by equality and
 * sort on the next one are answered from the index.
 */
export type IndexSpec = {
  readonly fields: readonly (readonly [string, 1 | -1])[]
  readonly unique?: boolean
}

/** An index written as MongoDB writes one, its fields in order: index({ projectId: 1, at: -1 }). */
export function index(
  keys: Readonly<Record<string, 1 | -1>>,
  options: { readonly unique?: boolean } = {},
): IndexSpec {
  return { fields: Object.entries(keys), ...options }
}

export const CORE_COLLECTIONS = {
  accounts: [index({ openid: 1 }), index({ phone: 1 }), index({ projectIds: 1, createdAt: -1 })],
  projects: [index({ code: 1 }, { unique: true })],
  /** The platform's filing registry of project managers (name + phone), seeded / imported. */
  registry_managers: [index({ phone: 1 })],
  company_heads: [index({ projectIds: 1 })],
  sms_codes: [index({ phone: 1, createdAt: -1 })],
  /** Send quotas of verification codes, one per phone and per WeChat (`_id` = `phone-…`/`openid-…`). */
  sms_quota: [],
  audit_log: [index({ projectId: 1, at: -1 }), index({ targetId: 1, at: -1 })],
  /** Claims of idempotent requests; the `_id` is the request key. */
  idempotency: [],
  /** Computers signed in (types/account.ts PcSessionDoc): read by the kernel on every PC call. */
  pc_sessions: [index({ accountId: 1, createdAt: -1 })],
  /** One doc per bound WeChat OPENID and per bound phone (`_id` = the key): uniqueness by insert. */
  binding_keys: [index({ accountId: 1 })],
  /** Local cloud only: SMS and subscribe messages a tester can read. */
  outbox: [index({ to: 1, at: -1 })],
} as const satisfies Record<string, readonly IndexSpec[]>
