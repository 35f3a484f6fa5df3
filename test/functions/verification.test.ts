/**
 * Verification codes under parallel calls: every limit is claimed before the work it limits, so
 * bursts get exactly what the rules allow (issue #8 §1). Through the real binding function.
 */
import { BindingContract } from '../../types/binding'
import { codeFor, expectError, expectOk, newRequestId, type Reply, caller } from './helpers'
import { fileCloud } from './setup'

const FAILING_PHONE = '13600136999'

const cloud = fileCloud({ env: { SMS_OUTBOX_FAIL_PHONES: FAILING_PHONE } })
const call = caller(cloud, BindingContract)
const codesOf = (reply: Reply) => (reply.ok ? 'ok' : reply.error.code)
const sms = async (phones: string[]) =>
  (await cloud.outbox({ kind: 'sms' })).filter((m) => phones.includes(m.to))

describe('sending codes in bursts', () => {
  it.each([30, 120])('sends one code for %i parallel requests of one phone', async (n) => {
    const phone = n === 30 ? '13600136001' : '13600136002'
    const replies = await Promise.all(
      Array.from({ length: n }, () => call('sendCode', { phone }, `o-burst-${n}`)),
    )
    const codes = replies.map(codesOf)
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(n - 1)
    expect(await sms([phone])).toHaveLength(1)
  })

  it('sends exactly 10 codes a day for one WeChat asking for 40 phones at once', async () => {
    const phones = Array.from({ length: 40 }, (_, i) => `136001361${String(i).padStart(2, '0')}`)
    const replies = await Promise.all(
      phones.map((phone) => call('sendCode', { phone }, 'o-burst-wechat')),
    )
    const codes = replies.map(codesOf)
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30)
    expect(await sms(phones)).toHaveLength(10)
    // The 30 refused phones were not left blocked: another WeChat can ask for one at once.
    const refused = phones.filter((_, i) => codes[i] !== 'ok')
    expectOk(await call('sendCode', { phone: refused[0] }, 'o-burst-other'))
  })

  it('refuses a caller without a WeChat identity, and sends nothing', async () => {
    const phones = Array.from({ length: 12 }, (_, i) => `136001362${String(i).padStart(2, '0')}`)
    const replies = await Promise.all(phones.map((phone) => call('sendCode', { phone })))
    for (const reply of replies) expectError(reply, 'NOT_BOUND')
    expect(await sms(phones)).toHaveLength(0)
  })

  it('does not count a send that failed: the user can ask again at once', async () => {
    const openid = 'o-sms-fails'
    for (let i = 0; i < 12; i++) {
      expectError(await call('sendCode', { phone: FAILING_PHONE }, openid), 'SEND_FAILED')
    }
    expect(await cloud.collection('sms_codes', { phone: FAILING_PHONE })).toHaveLength(0)
    // Twelve failures later the WeChat still has its ten codes for today.
    for (let i = 0; i < 10; i++) {
      expectOk(await call('sendCode', { phone: `136001363${String(i).padStart(2, '0')}` }, openid))
    }
    expectError(await call('sendCode', { phone: '13600136399' }, openid), 'RATE_LIMITED')
  })
})

describe('guessing codes in bursts', () => {
  const submit = (openid: string, phone: string, code: string) =>
    call(
      'submit',
      {
        category: 'property',
        name: '猜码',
        phone,
        code,
        projectId: 'p-yangguang',
        requestId: newRequestId(),
      },
      openid,
    )
  /** A reply to a guess that was compared with the code (a try was claimed for it). */
  const compared = (r: Reply) => r.ok || r.error.message.startsWith('验证码错误')

  it('compares exactly 5 of 300 parallel wrong guesses, then refuses the right code', async () => {
    const [openid, phone] = ['o-guess-1', '13600136401']
    const code = await codeFor(cloud, openid, phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const replies = await Promise.all(
      Array.from({ length: 300 }, () => submit(openid, phone, wrong)),
    )
    expect(replies.filter(compared)).toHaveLength(5)
    for (const r of replies) expect(r.ok ? 'ok' : r.error.code).toMatch(/^CODE_(INVALID|EXPIRED)$/)
    const [stored] = await cloud.collection<{ tries: number }>('sms_codes', { phone })
    expect(stored.tries).toBe(5)
    expectError(await submit(openid, phone, code), 'CODE_EXPIRED')
    expect(await cloud.collection('accounts', { phone })).toHaveLength(0)
  })

  it('compares at most 5 guesses when the right one is among 500 wrong ones', async () => {
    const [openid, phone] = ['o-guess-2', '13600136402']
    const code = await codeFor(cloud, openid, phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const guesses = Array.from({ length: 501 }, (_, i) => (i === 29 ? code : wrong))
    const replies = await Promise.all(guesses.map((g) => submit(openid, phone, g)))
    expect(replies.filter(compared).length).toBeLessThanOrEqual(5)
    const [stored] = await cloud.collection<{ tries: number }>('sms_codes', { phone })
    expect(stored.tries).toBeLessThanOrEqual(5)
    // The right code won only if it was among the five compared.
    const accepted = replies[29].ok
    expect(await cloud.collection('accounts', { phone })).toHaveLength(accepted ? 1 : 0)
  })

  it('tells how many tries are left', async () => {
    const [openid, phone] = ['o-guess-3', '13600136403']
    const code = await codeFor(cloud, openid, phone)
    const wrong = code === '000000' ? '111111' : '000000'
    const first = await submit(openid, phone, wrong)
    expectError(first, 'CODE_INVALID')
    expect(!first.ok && first.error.message).toBe('验证码错误，还可尝试4次')
    expect(!first.ok && first.error.fields?.code).toBe('验证码错误，还可尝试4次')
    expect(expectOk(await submit(openid, phone, code)).status).toBe('pending')
  })
})
