import { BindingContract } from '../../types/binding'
import { PermissionsContract } from '../../types/permissions'
import {
  bindAsHandler,
  clock,
  codeFor,
  expectError,
  expectOk,
  newRequestId,
  type Reply,
  caller,
} from './helpers'
import { fileCloud } from './setup'

const cloud = fileCloud()
const perm = caller(cloud, PermissionsContract)
const me = async (openid: string) =>
  expectOk(await caller(cloud, BindingContract)('me', {}, openid))
/** A code for the same phone again needs the 60 s resend interval to pass. */
const afterResendInterval = () => clock(cloud)(61_000)

let n = 0
async function newPending(name = '测试经办') {
  n += 1
  const openid = `o-perm-${n}`
  const phone = `1370000${String(n).padStart(4, '0')}`
  const session = expectOk(await bindAsHandler(cloud, openid, name, phone))
  return { openid, phone, id: session.account!._id as string }
}

describe('authorizing a pending handler', () => {
  it('grants exactly the chosen modules, closes the to-do and tells the handler', async () => {
    const h = await newPending('林峰')
    const pending = expectOk(await perm('listHandlers', { status: 'pending' }, 'demo-manager'))
    expect(pending.map((r: { _id: string }) => r._id)).toContain(h.id)
    const row = expectOk(
      await perm(
        'authorize',
        { accountId: h.id, version: 1, modules: ['safety', 'parking'] },
        'demo-manager',
      ),
    )
    expect(row).toMatchObject({ status: 'active', modules: ['safety', 'parking'], version: 2 })
    expect((await me(h.openid)).modules).toEqual(['safety', 'parking', 'permissions'])
    const [todo] = await cloud.collection('todos', { targetId: h.id })
    expect(todo).toMatchObject({ status: 'done', result: '已授权' })
    const notices = await cloud.outbox({ kind: 'subscribe', to: h.openid })
    expect(notices).toHaveLength(1)
  })

  it('lets only one of two managers acting at once win; the other gets a conflict', async () => {
    const h = await newPending()
    // 刘洋 manages both projects: bind him as a second manager of 阳光花园.
    const code = await codeFor(cloud, 'o-liu', '13700137001')
    expectOk(
      await caller(cloud, BindingContract)(
        'submit',
        {
          category: 'property',
          name: '刘洋',
          phone: '13700137001',
          code,
          requestId: newRequestId(),
        },
        'o-liu',
      ),
    )
    const [a, b] = await Promise.all([
      perm('authorize', { accountId: h.id, version: 1, modules: ['todos'] }, 'demo-manager'),
      perm('reject', { accountId: h.id, version: 1, reason: '非本项目人员' }, 'o-liu'),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expectError([a, b].find((r) => !r.ok) as Reply, 'CONFLICT')
    const trail = expectOk(await perm('auditTrail', { accountId: h.id }, 'demo-manager'))
    expect(
      trail.filter((t: { action: string }) => t.action === 'authorize' || t.action === 'reject'),
    ).toHaveLength(1)
  })

  it('refuses a stale version, an unknown module and an empty module list', async () => {
    const h = await newPending()
    expectError(
      await perm('authorize', { accountId: h.id, version: 7, modules: ['todos'] }, 'demo-manager'),
      'CONFLICT',
    )
    expectError(
      await perm.raw(
        { action: 'authorize', accountId: h.id, version: 1, modules: ['root'] },
        'demo-manager',
      ),
      'BAD_INPUT',
    )
    expectError(
      await perm('authorize', { accountId: h.id, version: 1, modules: [] }, 'demo-manager'),
      'BAD_INPUT',
    )
    expectError(
      await perm(
        'authorize',
        { accountId: h.id, version: 1, modules: ['permissions'] },
        'demo-manager',
      ),
      'BAD_INPUT',
    )
    expectError(
      await perm.raw(
        { action: 'authorize', accountId: { $ne: '' }, version: 1, modules: ['todos'] },
        'demo-manager',
      ),
      'BAD_INPUT',
    )
    expectError(
      await perm.raw(
        { action: 'authorize', accountId: h.id, version: '1', modules: ['todos'] },
        'demo-manager',
      ),
      'BAD_INPUT',
    )
    expectError(
      await perm.raw(
        { action: 'authorize', accountId: h.id, version: 1, modules: ['todos'], role: 'manager' },
        'demo-manager',
      ),
      'BAD_INPUT',
    )
    expect((await me(h.openid)).status).toBe('pending')
  })

  it('shows the reject reason to the handler, who may apply again', async () => {
    const h = await newPending('韩梅')
    expectOk(
      await perm(
        'reject',
        { accountId: h.id, version: 1, reason: '请使用本人手机号' },
        'demo-manager',
      ),
    )
    const session = await me(h.openid)
    expect(session).toMatchObject({
      status: 'rejected',
      account: { rejectReason: '请使用本人手机号' },
    })
    await afterResendInterval()
    const again = expectOk(await bindAsHandler(cloud, h.openid, '韩梅', h.phone))
    expect(again.status).toBe('pending')
    expect(again.account!._id).not.toBe(h.id)
  })
})

describe('managing handlers', () => {
  it('changes modules later, and a withdrawn module can no longer be called or shown', async () => {
    const h = await newPending()
    expectOk(
      await perm(
        'authorize',
        { accountId: h.id, version: 1, modules: ['todos', 'funds'] },
        'demo-manager',
      ),
    )
    expectOk(
      await perm('setModules', { accountId: h.id, version: 2, modules: ['funds'] }, 'demo-manager'),
    )
    expect((await me(h.openid)).modules).toEqual(['funds', 'permissions'])
  })

  it('removes a handler, who is then back to 身份认证 and can bind again', async () => {
    const h = await newPending()
    expectOk(
      await perm('authorize', { accountId: h.id, version: 1, modules: ['todos'] }, 'demo-manager'),
    )
    expectOk(await perm('removeHandler', { accountId: h.id, version: 2 }, 'demo-manager'))
    expect((await me(h.openid)).status).toBe('none')
    expectError(await perm('contacts', {}, h.openid), 'NOT_BOUND')
    await afterResendInterval()
    expect(expectOk(await bindAsHandler(cloud, h.openid, '测试经办', h.phone)).status).toBe(
      'pending',
    )
  })

  it('keeps each manager to its own project', async () => {
    const h = await newPending()
    const rows = expectOk(await perm('listHandlers', {}, 'demo-manager2'))
    expect(rows.map((r: { _id: string }) => r._id)).not.toContain(h.id)
    expectError(
      await perm('listHandlers', { projectId: 'p-yangguang' }, 'demo-manager2'),
      'FORBIDDEN',
    )
    expectError(
      await perm('authorize', { accountId: h.id, version: 1, modules: ['todos'] }, 'demo-manager2'),
      'NOT_FOUND',
    )
    expectError(
      await perm('auditTrail', { projectId: 'p-yangguang' }, 'demo-manager2'),
      'FORBIDDEN',
    )
  })

  it('writes every change to an audit trail the manager can read', async () => {
    const h = await newPending()
    expectOk(
      await perm('authorize', { accountId: h.id, version: 1, modules: ['todos'] }, 'demo-manager'),
    )
    expectOk(
      await perm('setModules', { accountId: h.id, version: 2, modules: ['funds'] }, 'demo-manager'),
    )
    const trail = expectOk(await perm('auditTrail', { accountId: h.id }, 'demo-manager'))
    expect(trail.map((t: { action: string }) => t.action)).toEqual([
      'setModules',
      'authorize',
      'requestBinding',
    ])
    expect(trail[0]).toMatchObject({ actorName: '张建国', actorRole: 'manager', targetId: h.id })
    expect(trail[0]).not.toHaveProperty('actorOpenid')
  })
})

describe('a handler’s own account', () => {
  async function active() {
    const h = await newPending()
    expectOk(
      await perm('authorize', { accountId: h.id, version: 1, modules: ['todos'] }, 'demo-manager'),
    )
    return h
  }

  it('shows the company head and project managers', async () => {
    const h = await active()
    const contacts = expectOk(await perm('contacts', {}, h.openid))
    expect(contacts.map((c: { kind: string; name: string }) => `${c.kind}:${c.name}`)).toEqual(
      expect.arrayContaining(['companyHead:杨国庆', 'manager:张建国']),
    )
  })

  it('changes the bound phone with a code sent to the new phone', async () => {
    const h = await active()
    const newPhone = '13911112222'
    expectError(await perm('sendPhoneCode', { phone: h.phone }, h.openid), 'BAD_INPUT')
    const code = await codeFor(cloud, h.openid, newPhone, 'newPhone')
    const wrong = code === '000000' ? '111111' : '000000'
    expectError(
      await perm(
        'changePhone',
        { phone: newPhone, code: wrong, requestId: newRequestId() },
        h.openid,
      ),
      'CODE_INVALID',
    )
    const requestId = newRequestId()
    expectOk(await perm('changePhone', { phone: newPhone, code, requestId }, h.openid))
    expectOk(await perm('changePhone', { phone: newPhone, code, requestId }, h.openid))
    expect((await me(h.openid)).account!.phone).toBe(newPhone)
    // The old phone is free again; the new one is taken.
    await afterResendInterval()
    expectOk(await bindAsHandler(cloud, 'o-old-phone', '旧号新人', h.phone))
    expectError(await bindAsHandler(cloud, 'o-new-phone', '抢号的人', newPhone), 'ALREADY_BOUND')
  })

  it('注销 needs confirmation, is irreversible, and frees WeChat and phone for a new request', async () => {
    const h = await active()
    expectError(await perm.raw({ action: 'deregister' }, h.openid), 'BAD_INPUT')
    expectError(await perm.raw({ action: 'deregister', confirm: 'yes' }, h.openid), 'BAD_INPUT')
    expectOk(await perm('deregister', { confirm: true }, h.openid))
    expect((await me(h.openid)).status).toBe('none')
    const [old] = await cloud.collection('accounts', { _id: h.id })
    expect(old).toMatchObject({ status: 'deregistered', openid: null })
    await afterResendInterval()
    const again = expectOk(await bindAsHandler(cloud, h.openid, '测试经办', h.phone))
    expect(again).toMatchObject({ status: 'pending' })
    expect(again.account!._id).not.toBe(h.id)
  })

  it('解除绑定 returns the WeChat to 身份认证; a repeated unbind is refused, not applied twice', async () => {
    const h = await active()
    const [a, b] = await Promise.all([perm('unbind', {}, h.openid), perm('unbind', {}, h.openid)])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect((await me(h.openid)).status).toBe('none')
    const trail = await cloud.collection('audit_log', { targetId: h.id, action: 'unbind' })
    expect(trail).toHaveLength(1)
  })

  it('does not let a manager 注销 here', async () => {
    expectError(await perm('deregister', { confirm: true }, 'demo-manager2'), 'FORBIDDEN')
  })
})
