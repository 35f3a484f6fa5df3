/**
 * Who hears of a submission: every active manager of the project except the one who made it (he
 * knows; a notice to himself only spends his subscription). Through the real functions, read in
 * the local outbox (GET /__dev/outbox) as a tester would.
 */
import { SafetyContract } from '../../types/safety'
import { BindingContract } from '../../types/binding'
import { bindInput, codeFor, expectOk, newRequestId, caller } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { submitted, validForm } from './samples/parking'
import { fillAll, publishedCheck } from './samples/safety'
import { fileCloud } from './setup'

const cloud = fileCloud()
let env: Env
/** 刘洋, the second manager of 阳光花园 (with 张建国, demo-manager). */
const LIU = 'o-msg-liu'

beforeAll(async () => {
  env = makeEnv(cloud, 'msg')
  const code = await codeFor(cloud, LIU, '13700137001')
  const bind = bindInput({ name: '刘洋', phone: '13700137001', code })
  expect(expectOk(await caller(cloud, BindingContract)('submit', bind, LIU)).status).toBe('active')
}, 60_000)

/** The subscribe notices sent to `openid` whose data mentions `about`. */
async function noticesTo(openid: string, template: string, about: string) {
  const all = await cloud.outbox({ kind: 'subscribe', to: openid })
  return all.filter((n) => n.template === template && JSON.stringify(n.data).includes(about))
}

it("tells the other manager of a manager's own safety submission, not him", async () => {
  const checkId = 'sc-msg-1'
  const check = publishedCheck(checkId)
  expectOk(await caller(cloud, SafetyContract)('publishCheck', { check }, 'demo-operator'))
  const version = await fillAll(env, 'demo-manager', checkId)
  const submit = { checkId, version, requestId: newRequestId() }
  expectOk(await caller(cloud, SafetyContract)('submit', submit, 'demo-manager'))
  expect(await noticesTo('demo-manager', 'TPL_REVIEW_REQUEST', check.title)).toHaveLength(0)
  expect(await noticesTo(LIU, 'TPL_REVIEW_REQUEST', check.title)).toHaveLength(1)
})

it("tells both managers of a handler's parking submission; a manager's own tells no one", async () => {
  const theirs = await submitted(env, 'demo-handler', validForm())
  const told = `车位信息公开第${(theirs as { edition?: number }).edition}版`
  expect(await noticesTo('demo-manager', 'TPL_REVIEW_REQUEST', told)).toHaveLength(1)
  expect(await noticesTo(LIU, 'TPL_REVIEW_REQUEST', told)).toHaveLength(1)
  // He publishes it himself: no to-do, no notice, to himself least of all.
  const own = await submitted(env, 'demo-manager', validForm())
  const untold = `车位信息公开第${(own as { edition?: number }).edition}版`
  expect(await noticesTo('demo-manager', 'TPL_REVIEW_REQUEST', untold)).toHaveLength(0)
  expect(await noticesTo(LIU, 'TPL_REVIEW_REQUEST', untold)).toHaveLength(0)
})

it("tells both managers of a handler's request to bind", async () => {
  const { openid, phone } = env.fresh()
  const code = await codeFor(cloud, openid, phone)
  expectOk(
    await caller(cloud, BindingContract)(
      'submit',
      {
        category: 'property',
        name: '消息样例',
        phone,
        code,
        projectId: 'p-yangguang',
        requestId: newRequestId(),
      },
      openid,
    ),
  )
  expect(await noticesTo('demo-manager', 'TPL_AUTH_REQUEST', '消息样例')).toHaveLength(1)
  expect(await noticesTo(LIU, 'TPL_AUTH_REQUEST', '消息样例')).toHaveLength(1)
})
