/**
 * Tests generated from the contracts of every module in the registry (server/registry.ts), so a
 * new module is covered the moment it is registered:
 * - every action has a sample (test/functions/samples/<fn>.ts), or this fails;
 * - the authorization matrix derived from each action's declared access: every caller state the
 *   access refuses gets exactly its error and changes nothing; read-only actions also run for the
 *   callers it lets in, and answer them ok;
 * - bad input: operator objects, wrong types, missing and unknown fields, oversized strings,
 *   forged identity fields — each a BAD_INPUT naming the field, writing nothing;
 * - every state-changing action leaves the audit row its contract names.
 */
import type { z } from 'zod'
import { STATUS_ERRORS } from '../../server/kernel/access'
import { CONTRACTS } from '../../server/registry'
import type { Access, ActionSpec, Contract } from '../../types/contract'
import { GRANTABLE_MODULES } from '../../types/modules'
import { PermissionsContract } from '../../types/permissions'
import { expectError, expectOk, type Reply } from './helpers'
import { makeEnv, type Env, type Sample } from './samples/kit'
import { fileCloud } from './setup'

type State =
  | 'none'
  | 'pending'
  | 'rejected'
  | 'deregistered'
  | 'noModule'
  | 'handler'
  | 'manager'
  | 'otherManager'
  | 'operator'
const STATES: State[] = [
  'none',
  'pending',
  'rejected',
  'deregistered',
  'noModule',
  'handler',
  'manager',
  'otherManager',
  'operator',
]
/** The one module the `noModule` handler holds: none of the kit's modules need it. */
const UNRELATED_MODULE = 'weather'

const cloud = fileCloud()
let env: Env
const callers = {} as Record<State, string>

function samplesOf(fn: string): Record<string, Sample> | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`./samples/${fn}`) as { default: Record<string, Sample> }).default
  } catch {
    return null
  }
}

const rows = CONTRACTS.flatMap((contract: Contract) =>
  Object.entries(contract.actions).map(([name, spec]) => ({
    contract,
    name,
    spec: spec as ActionSpec,
    sample: samplesOf(contract.fn)?.[name],
  })),
)

beforeAll(async () => {
  env = makeEnv(cloud, 'ct')
  callers.none = env.fresh().openid
  callers.pending = (await env.pendingHandler()).openid
  const rejected = await env.pendingHandler()
  expectOk(
    await env.caller(PermissionsContract)(
      'reject',
      { accountId: rejected.id, version: 1, reason: '信息不符' },
      'demo-manager',
    ),
  )
  callers.rejected = rejected.openid
  const gone = await env.activeHandler(['todos'])
  expectOk(await env.caller(PermissionsContract)('deregister', { confirm: true }, gone.openid))
  callers.deregistered = gone.openid
  callers.noModule = (await env.activeHandler([UNRELATED_MODULE])).openid
  callers.handler = (await env.activeHandler([...GRANTABLE_MODULES])).openid
  callers.manager = 'demo-manager'
  callers.otherManager = 'demo-manager2'
  // Listed in OPERATOR_OPENIDS by the local cloud; holds no account.
  callers.operator = 'demo-operator'
}, 120_000)

const shapeOf = (spec: ActionSpec) => (spec.input as unknown as z.AnyZodObject).shape ?? {}

/** What the declared access says a caller in `state` gets: an error code, or 'allowed'. */
function expected(access: Access, state: State, namesProject: boolean): string {
  if (access.kind === 'public') return 'allowed'
  // A computer's sign-in steps: no mini program caller may take them.
  if (access.kind === 'visitor') return 'FORBIDDEN'
  if (access.kind === 'operator') return state === 'operator' ? 'allowed' : 'FORBIDDEN'
  if (state === 'none' || state === 'deregistered' || state === 'operator') return 'NOT_BOUND'
  const status = state === 'pending' || state === 'rejected' ? state : 'active'
  if (access.kind === 'account') {
    return access.statuses.includes(status) ? 'allowed' : STATUS_ERRORS[status]
  }
  if (status !== 'active') return STATUS_ERRORS[status]
  const role = state === 'manager' || state === 'otherManager' ? 'manager' : 'handler'
  if (access.roles && !access.roles.includes(role)) return 'FORBIDDEN'
  const held = state === 'handler' ? [...GRANTABLE_MODULES] : [UNRELATED_MODULE]
  if (access.module && role === 'handler' && !(held as string[]).includes(access.module)) {
    return 'MODULE_NOT_GRANTED'
  }
  // Another project's manager names this project: not theirs.
  if (state === 'otherManager' && namesProject) return 'FORBIDDEN'
  return 'allowed'
}

/**
 * Runs `work` and resolves to how many database writes it made. A failed expect inside `work`
 * propagates (the counter is cleared first): returning from `finally` would discard it.
 */
async function writesDuring(work: () => Promise<void>): Promise<number> {
  await cloud.faults({ mode: 'fail', afterWrites: 1e9 })
  let writes = 0
  try {
    await work()
  } finally {
    writes = await cloud.faults(null)
  }
  return writes
}

it('every action of every registered module has a sample', () => {
  const missing = rows.filter((r) => !r.sample).map((r) => `${r.contract.fn}.${r.name}`)
  expect(missing).toEqual([])
  const unaudited = rows
    .filter((r) => r.spec.audit && !r.sample?.happy)
    .map((r) => `${r.contract.fn}.${r.name}`)
  expect(unaudited).toEqual([])
})

describe.each(rows.map((r) => [`${r.contract.fn}.${r.name}`, r] as const))(
  '%s',
  (_label, { contract, name, spec, sample }) => {
    it('gives each caller state what its access declares', async () => {
      if (!sample) throw new Error('no sample')
      const namesProject = 'projectId' in shapeOf(spec)
      const base = sample.liveInput ? await sample.liveInput(env) : sample.input
      for (const state of STATES) {
        const want = expected(spec.access, state, namesProject)
        if (want === 'allowed' && !sample.readOnly) continue
        const input =
          state !== 'otherManager'
            ? base
            : namesProject
              ? { ...base, projectId: 'p-yangguang' }
              : (sample.otherProjectInput ?? base)
        let reply: Reply | undefined
        const writes = await writesDuring(async () => {
          // The samples are typed by their contract (samples/kit.ts); a loop over every contract
          // cannot name one action's input type, so it sends them as they are.
          reply = await env.caller(contract).raw({ action: name, ...input }, callers[state])
        })
        const got = reply!.ok ? 'ok' : reply!.error.code
        if (want === 'allowed') {
          // A read-only sample is a valid read: a caller let in gets its answer (INTERNAL, a
          // crash, or NOT_FOUND for a made-up id would hide a refusal or a bug).
          expect({ state, got }).toEqual({ state, got: 'ok' })
        } else {
          expect({ state, got, writes }).toEqual({ state, got: want, writes: 0 })
        }
      }
    })

    it('refuses every bad variant of its input in Chinese, the field named, writing nothing', async () => {
      if (!sample) throw new Error('no sample')
      const writes = await writesDuring(async () => {
        for (const [field, params] of mutations(spec, sample.input)) {
          const reply = await send(contract.fn, { action: name, ...params })
          expectError(reply, 'BAD_INPUT')
          if (reply.ok) continue
          const fields = reply.error.fields ?? {}
          const named = Object.keys(fields).some((k) => k === field || k.startsWith(`${field}.`))
          const english = [reply.error.message, ...Object.values(fields)].filter(
            (m) => !HAN.test(m),
          )
          expect({ field, named, english }).toEqual({ field, named: true, english: [] })
        }
      })
      expect(writes).toBe(0)
    })

    it('refuses an impossible date in any date field as BAD_INPUT naming it', async () => {
      if (!sample) throw new Error('no sample')
      const sampled = datedPaths(sample.input)
      const unsampled = leafPaths(spec.input).filter((p) => DATE_LIKE.test(p) && !sampled.has(p))
      expect({ unsampled }).toEqual({ unsampled: [] })
      const writes = await writesDuring(async () => {
        for (const [path, kind] of sampled) {
          for (const bad of IMPOSSIBLE[kind]) {
            const params = withValue(sample.input, path.split('.'), bad)
            const reply = await env
              .caller(contract)
              .raw({ action: name, ...params }, 'demo-manager')
            const got = reply.ok ? 'ok' : reply.error.code
            const fields = reply.ok ? {} : (reply.error.fields ?? {})
            expect({ path, bad, got, named: path in fields }).toEqual({
              path,
              bad,
              got: 'BAD_INPUT',
              named: true,
            })
          }
        }
      })
      expect(writes).toBe(0)
    })

    it('counts its text limits in characters and refuses lone surrogates', async () => {
      if (!sample) throw new Error('no sample')
      // Parsing comes before access: an unbound caller learns whether the input is taken
      // (NOT_BOUND, FORBIDDEN…) or refused (BAD_INPUT), and nothing is written.
      const check = async (path: string, value: string) => {
        const params = withValue(sample.input, path.split('.'), value)
        const reply = await env.caller(contract).raw({ action: name, ...params }, callers.none)
        return reply.ok ? null : (reply.error.fields?.[path] ?? null)
      }
      for (const path of textPaths(spec, sample.input)) {
        const max = limitOf(spec, sample.input, path)
        if (max !== null) {
          // 𠮷 is one character but two UTF-16 units.
          expect({ path, max, refused: await check(path, '𠮷'.repeat(max)) }).toEqual({
            path,
            max,
            refused: null,
          })
          expect(await check(path, '𠮷'.repeat(max + 1))).toMatch(/不能超过\d+个字/)
        }
        expect({ path, lone: await check(path, '字\ud842') }).toEqual({
          path,
          lone: expect.any(String),
        })
      }
    })

    if (spec.audit) {
      it(`leaves its audit row (${spec.audit})`, async () => {
        const start = Date.now() - 1000
        const { reply, targetId } = await sample!.happy!(env)
        expectOk(reply)
        const trail = await cloud.collection<{ action: string; label: string; at: number }>(
          'audit_log',
          { targetId, fn: contract.fn },
        )
        // The action's own row, under the label its contract names: another step's row (a draft
        // created on the way, a seeded row of the same target) does not stand in for it.
        const labels = trail.filter((r) => r.at >= start).map((r) => r.label)
        expect(labels).toContain(spec.audit)
      }, 60_000)
    }
  },
)

/** A field's name that says it holds a date, a month, a quarter or a moment. */
const DATE_LIKE =
  /(^|\.)(from|to|month|period|quarter|date|day)$|(Date|At|Day|Month)$|(start|end|valid)(From|To|Until)$/
type DateKind = 'day' | 'month' | 'quarter' | 'moment'
const IMPOSSIBLE: Record<DateKind, unknown[]> = {
  day: ['2026-13-01', '2026-00-10', '2026-02-30', '2026-04-31', '2025-02-29', '2026-1-01'],
  month: ['2026-13', '2026-00', '2026-1'],
  quarter: ['2026Q5', '2026Q0'],
  // Past what a Date holds (±8.64e15 ms): toISOString would throw.
  moment: [8.7e15, 1e300, -1],
}

/** The date fields of a sample input (nested ones dotted), by the shape of their value. */
function datedPaths(input: Record<string, unknown>, prefix = ''): Map<string, DateKind> {
  const out = new Map<string, DateKind>()
  for (const [key, value] of Object.entries(input)) {
    const path = `${prefix}${key}`
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) out.set(path, 'day')
    else if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) out.set(path, 'month')
    else if (typeof value === 'string' && /^\d{4}Q\d$/.test(value)) out.set(path, 'quarter')
    else if (typeof value === 'number' && DATE_LIKE.test(path)) out.set(path, 'moment')
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [p, k] of datedPaths(value as Record<string, unknown>, `${path}.`)) out.set(p, k)
    }
  }
  return out
}

/** Every field of a schema, nested objects dotted (through optional, default, refine…). */
function leafPaths(schema: z.ZodTypeAny, prefix = ''): string[] {
  let t = schema
  for (;;) {
    const def = t._def as { innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny }
    const inner = def.innerType ?? def.schema
    if (!inner) break
    t = inner
  }
  if (!(t as z.AnyZodObject).shape) return prefix ? [prefix.slice(0, -1)] : []
  return Object.entries((t as z.AnyZodObject).shape).flatMap(([k, v]) =>
    leafPaths(v as z.ZodTypeAny, `${prefix}${k}.`),
  )
}

function withValue(input: Record<string, unknown>, path: string[], value: unknown): object {
  const [head, ...rest] = path
  const inner = input[head] as Record<string, unknown>
  return { ...input, [head]: rest.length ? withValue(inner, rest, value) : value }
}

/** Strings a machine makes (paths, file ids, file contents), not text a person types. */
const MACHINE_MADE = /(cloudPath|fileID|dataBase64)$/

const takes = (spec: ActionSpec, input: Record<string, unknown>, path: string, value: string) =>
  spec.input.safeParse(withValue(input, path.split('.'), value)).success

/** The sample's fields (nested ones dotted) that take free text: characters beyond the BMP. */
function textPaths(
  spec: ActionSpec,
  root: Record<string, unknown>,
  input = root,
  prefix = '',
): string[] {
  return Object.entries(input).flatMap(([key, value]): string[] => {
    const path = `${prefix}${key}`
    if (isRecord(value)) return textPaths(spec, root, value, `${path}.`)
    const text = typeof value === 'string' && !MACHINE_MADE.test(path)
    return text && takes(spec, root, path, '𠮷𠮷') ? [path] : []
  })
}

/** The most characters of 字 (one UTF-16 unit each) a field takes, or null for no limit. */
function limitOf(spec: ActionSpec, input: Record<string, unknown>, path: string): number | null {
  const CEILING = 20_000
  if (takes(spec, input, path, '字'.repeat(CEILING))) return null
  let [lo, hi] = [1, CEILING]
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (takes(spec, input, path, '字'.repeat(mid))) lo = mid
    else hi = mid
  }
  return lo
}

/** Some Chinese text: what every message a user may see must carry. */
const HAN = /\p{Script=Han}/u

/**
 * Calls as demo-manager with ±Infinity written as 1e999 / -1e999, which JSON.parse reads back as
 * Infinity (JSON.stringify alone would send null).
 */
async function send(fn: string, event: object): Promise<Reply> {
  const body = JSON.stringify(event, (_k, v: unknown) =>
    v === Infinity ? '@inf' : v === -Infinity ? '@-inf' : v,
  )
    .replaceAll('"@inf"', '1e999')
    .replaceAll('"@-inf"', '-1e999')
  return (await cloud.callRaw(fn, undefined, 'demo-manager', { body })).body as Reply
}

/** Values no field takes whole, tried at every field and nested field (those the schema refuses). */
const BAD_VALUES: unknown[] = [
  Infinity,
  -Infinity,
  -1,
  0.5,
  1e20,
  null,
  true,
  '',
  ' ',
  '\ud800',
  'a\udfffb',
  '2026-13-01',
  [],
  {},
]

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return 'true'
  return 'todos'
}

/** Bad variants of a valid input, each with the field it breaks. */
function mutations(spec: ActionSpec, base: Record<string, unknown>): [string, object][] {
  const shape = shapeOf(spec) as Record<string, z.ZodTypeAny>
  const refused = (params: object) => !spec.input.safeParse(params).success
  const out: [string, object][] = []
  for (const [field, value] of Object.entries(base)) {
    out.push([field, { ...base, [field]: { $ne: '' } }])
    out.push([field, { ...base, [field]: { $gt: null, $regex: '.*' } }])
    out.push([field, { ...base, [field]: wrongType(value) }])
    if (Array.isArray(value)) out.push([field, { ...base, [field]: [{ $ne: '' }] }])
    const long = { ...base, [field]: 'a'.repeat(5000) }
    if (typeof value === 'string' && refused(long)) out.push([field, long])
    if (!shape[field]?.isOptional()) {
      const { [field]: _dropped, ...rest } = base
      out.push([field, rest])
    }
  }
  for (const forged of ['openid', 'OPENID', '_openid', 'role', 'userId', 'projectIds', 'status_']) {
    out.push([forged, { ...base, [forged]: forged === 'role' ? 'manager' : 'demo-manager' }])
  }
  // A computed key makes an own `__proto__` property, as JSON.parse does on the server.
  out.push(['__proto__', { ...base, ['__proto__']: { admin: true } }])
  for (const [path, params] of nestedVariants(base)) if (refused(params)) out.push([path, params])
  return out
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v)

/** `base` with one field (at any depth) set to each bad value, and `__proto__` in each object. */
function nestedVariants(base: Record<string, unknown>, prefix = ''): [string, object][] {
  const out: [string, object][] = []
  for (const [key, value] of Object.entries(base)) {
    const path = `${prefix}${key}`
    for (const bad of BAD_VALUES) out.push([path, { ...base, [key]: bad }])
    if (!isRecord(value)) continue
    out.push([`${path}.__proto__`, { ...base, [key]: { ...value, ['__proto__']: 1 } }])
    for (const [inner, changed] of nestedVariants(value, `${path}.`)) {
      out.push([inner, { ...base, [key]: changed }])
    }
  }
  return out
}
