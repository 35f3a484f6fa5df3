import type { Account } from '../../types/account'
import { ACCOUNT_TRANSITIONS } from '../../types/account'
import { AppError } from '../../types/errors'
import { authorize } from '../../server/kernel/access'
import { startOfChinaDay } from '../../server/kernel/clock'

const account = (patch: Partial<Account>): Account => ({
  _id: 'a1',
  openid: 'o1',
  role: 'handler',
  status: 'active',
  name: '李',
  phone: '13800138000',
  projectIds: ['p1'],
  modules: ['todos'],
  category: 'property',
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  ...patch,
})
const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'ok'
  } catch (e) {
    return (e as AppError).code
  }
}

describe('access', () => {
  const todos = { kind: 'member', module: 'todos' } as const
  it('needs a bound account for anything but public actions', () => {
    expect(codeOf(() => authorize({ kind: 'public' }, null, undefined))).toBe('ok')
    expect(codeOf(() => authorize(todos, null, undefined))).toBe('NOT_BOUND')
  })
  it.each([
    ['pending', 'ACCOUNT_PENDING'],
    ['rejected', 'ACCOUNT_REJECTED'],
    ['unbound', 'ACCOUNT_INACTIVE'],
    ['deregistered', 'ACCOUNT_INACTIVE'],
  ] as const)('refuses a %s account with %s', (status, code) => {
    expect(codeOf(() => authorize(todos, account({ status }), undefined))).toBe(code)
  })
  it('checks module, role and project; a client-named project must be one of the caller’s', () => {
    expect(authorize(todos, account({}), undefined)).toBe('p1')
    expect(
      codeOf(() => authorize({ kind: 'member', module: 'funds' }, account({}), undefined)),
    ).toBe('MODULE_NOT_GRANTED')
    expect(
      codeOf(() => authorize({ kind: 'member', roles: ['manager'] }, account({}), undefined)),
    ).toBe('FORBIDDEN')
    expect(codeOf(() => authorize(todos, account({}), 'p2'))).toBe('FORBIDDEN')
    expect(
      authorize(
        { kind: 'member', module: 'funds' },
        account({ role: 'manager', projectIds: ['p1', 'p2'] }),
        'p2',
      ),
    ).toBe('p2')
  })
})

describe('account transitions table', () => {
  it('only authorizes or rejects pending accounts', () => {
    expect(ACCOUNT_TRANSITIONS.authorize.from).toEqual(['pending'])
    expect(ACCOUNT_TRANSITIONS.reject.from).toEqual(['pending'])
    expect(ACCOUNT_TRANSITIONS.deregister.to).toBe('deregistered')
  })
})

describe('China day', () => {
  it('starts at 00:00 UTC+8', () => {
    const at = Date.UTC(2026, 10, 25, 17, 30) // 01:30 on the 26th in Shenzhen
    expect(new Date(startOfChinaDay(at)).toISOString()).toBe('2026-11-25T16:00:00.000Z')
  })
})
