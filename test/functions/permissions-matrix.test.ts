/**
 * The authorization matrix of identity: every action of binding and permissions × every caller
 * state, each cell asserted. Callers are made through the real flows (bind, authorize, reject,
 * 注销), fresh for each cell whose action changes the caller or the target.
 */
import { BindingContract } from '../../types/binding'
import type { ActionName, InputOf } from '../../types/contract'
import { PermissionsContract } from '../../types/permissions'
import { caller, codeFor, expectOk, newRequestId, type Reply } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { fileCloud } from './setup'

const cloud = fileCloud()
let env: Env
beforeAll(async () => {
  env = makeEnv(cloud, 'mx')
}, 60_000)

const permissions = caller(cloud, PermissionsContract)
const binding = caller(cloud, BindingContract)
const fresh = () => env.fresh()
const pendingHandler = () => env.pendingHandler()
const activeHandler = (modules: ('todos' | 'safety' | 'parking')[]) => env.activeHandler(modules)

type State =
  | 'none'
  | 'pending'
  | 'rejected'
  | 'deregistered'
  | 'handlerNoModule'
  | 'handler'
  | 'manager'
  | 'otherManager'
const STATES: State[] = [
  'none',
  'pending',
  'rejected',
  'deregistered',
  'handlerNoModule',
  'handler',
  'manager',
  'otherManager',
]

/** A caller in the given state; fresh accounts for states whose cells may change them. */
const CALLERS: Record<State, () => Promise<string>> = {
  none: async () => fresh().openid,
  pending: async () => (await pendingHandler()).openid,
  rejected: async () => {
    const h = await pendingHandler()
    expectOk(
      await permissions(
        'reject',
        { accountId: h.id, version: 1, reason: '信息不符' },
        'demo-manager',
      ),
    )
    return h.openid
  },
  deregistered: async () => {
    const h = await activeHandler(['todos'])
    expectOk(await permissions('deregister', { confirm: true }, h.openid))
    return h.openid
  },
  handlerNoModule: async () => (await activeHandler(['todos'])).openid,
  handler: async () => (await activeHandler(['todos', 'safety', 'parking'])).openid,
  manager: async () => 'demo-manager',
  otherManager: async () => 'demo-manager2',
}

type Expect = 'ok' | string
type Cell = (caller: string) => Promise<Reply<unknown>>
type Perm = typeof PermissionsContract
type Bind = typeof BindingContract
const p =
  <K extends ActionName<Perm>>(action: K, input: InputOf<Perm, K>): Cell =>
  (who) =>
    permissions(action, input, who)
const b =
  <K extends ActionName<Bind>>(action: K, input: InputOf<Bind, K>): Cell =>
  (who) =>
    binding(action, input, who)

type Target = { id: string; version: number }
type OnHandler<K extends ActionName<Perm>> = Omit<InputOf<Perm, K>, 'accountId' | 'version'>
/** A manager's action on a handler made for the cell: its accountId and version, and `rest`. */
const onHandler =
  (target: () => Promise<Target>) =>
  <K extends ActionName<Perm>>(action: K, rest: OnHandler<K>): Cell =>
  async (who) => {
    const t = await target()
    return p(action, { accountId: t.id, version: t.version, ...rest } as InputOf<Perm, K>)(who)
  }
const withPending = onHandler(pendingHandler)
const withActive = onHandler(() => activeHandler(['todos']))

const NB = 'NOT_BOUND'
const PE = 'ACCOUNT_PENDING'
const RJ = 'ACCOUNT_REJECTED'
const FB = 'FORBIDDEN'
const NF = 'NOT_FOUND'
const AB = 'ALREADY_BOUND'

//                       none  pending rejected dereg  noModule handler manager otherManager
const MATRIX: [string, Cell, Expect[]][] = [
  ['binding.me', b('me', {}), ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  [
    'binding.searchProjects',
    b('searchProjects', { keyword: '花园' }),
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  ],
  [
    'binding.sendCode',
    (c) => b('sendCode', { phone: fresh().phone })(c),
    ['ok', AB, 'ok', 'ok', AB, AB, AB, AB],
  ],
  [
    'binding.submit',
    async (caller) => {
      const { phone } = fresh()
      // The code is asked for from another WeChat: sendCode itself refuses bound callers.
      const code = await codeFor(cloud, `code-${caller}`, phone)
      return b('submit', {
        category: 'property',
        name: '再次申请',
        phone,
        code,
        projectId: 'p-yangguang',
        requestId: newRequestId(),
      })(caller)
    },
    ['ok', AB, 'ok', 'ok', AB, AB, AB, AB],
  ],
  ['permissions.contacts', p('contacts', {}), [NB, PE, RJ, NB, 'ok', 'ok', 'ok', 'ok']],
  ['permissions.listHandlers', p('listHandlers', {}), [NB, PE, RJ, NB, FB, FB, 'ok', 'ok']],
  ['permissions.auditTrail', p('auditTrail', {}), [NB, PE, RJ, NB, FB, FB, 'ok', 'ok']],
  [
    'permissions.authorize',
    withPending('authorize', { modules: ['todos'] }),
    [NB, PE, RJ, NB, FB, FB, 'ok', NF],
  ],
  [
    'permissions.reject',
    withPending('reject', { reason: '不是本项目人员' }),
    [NB, PE, RJ, NB, FB, FB, 'ok', NF],
  ],
  [
    'permissions.setModules',
    withActive('setModules', { modules: ['funds'] }),
    [NB, PE, RJ, NB, FB, FB, 'ok', NF],
  ],
  [
    'permissions.removeHandler',
    withActive('removeHandler', {}),
    [NB, PE, RJ, NB, FB, FB, 'ok', NF],
  ],
  [
    'permissions.sendPhoneCode',
    (c) => p('sendPhoneCode', { phone: fresh().phone })(c),
    [NB, PE, RJ, NB, 'ok', 'ok', FB, FB],
  ],
  [
    'permissions.changePhone',
    async (caller) => {
      const { phone } = fresh()
      const sent = await p('sendPhoneCode', { phone })(caller)
      const code = sent.ok
        ? (await cloud.outbox({ kind: 'sms', to: phone }))[0].data.code
        : '123456'
      return p('changePhone', { phone, code, requestId: newRequestId() })(caller)
    },
    [NB, PE, RJ, NB, 'ok', 'ok', FB, FB],
  ],
  [
    'permissions.deregister',
    p('deregister', { confirm: true }),
    [NB, 'ok', RJ, NB, 'ok', 'ok', FB, FB],
  ],
  // Last: it unbinds the demo managers.
  ['permissions.unbind', p('unbind', {}), [NB, 'ok', 'ok', NB, 'ok', 'ok', 'ok', 'ok']],
]

describe.each(MATRIX)('%s', (_name, cell, expected) => {
  it.each(STATES.map((s, i) => [s, expected[i]] as const))(
    'caller %s → %s',
    async (state, want) => {
      const caller = await CALLERS[state]()
      const reply = await cell(caller)
      if (want === 'ok') {
        if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`)
      } else {
        expect(reply.ok ? 'ok' : reply.error.code).toBe(want)
      }
    },
  )
})
