/**
 * A request id names one user intent: a retry of it (same action, same input) gets the first
 * call's result and does nothing twice; the same id sent with another input is refused, never
 * answered with the first call's result as if the second had been done.
 */
import { ParkingContract } from '../../types/parking'
import { caller, expectError, expectOk, newRequestId } from './helpers'
import { makeEnv, type Env } from './samples/kit'
import { submitted } from './samples/parking'
import { fileCloud } from './setup'

const cloud = fileCloud()
let env: Env
const parking = caller(cloud, ParkingContract, 'demo-manager')

beforeAll(async () => {
  env = makeEnv(cloud, 'idem')
}, 60_000)

const publish = (edition: { _id: string; version: number }, requestId: string) =>
  parking('publish', { editionId: edition._id, version: edition.version, requestId })

it("refuses the next edition's publish under the last one's request id, and still answers the last one's retry", async () => {
  const requestId = newRequestId()
  const last = await submitted(env)
  const first = expectOk(await publish(last, requestId))
  expect(first).toMatchObject({ _id: last._id, status: 'published' })

  const next = await submitted(env)
  expect(next._id).not.toBe(last._id)
  const reused = await publish(next, requestId)
  expectError(reused, 'REQUEST_REUSED')
  if (!reused.ok) expect(reused.error.message).toBe('该请求编号已用于另一操作，请刷新后重试')
  const shown = expectOk(await parking('edition', { editionId: next._id }))
  expect(shown.edition).toMatchObject({ _id: next._id, status: 'submitted', version: next.version })

  // The same request again (a weak network's retry): the first answer, nothing done twice.
  expect(expectOk(await publish(last, requestId))).toEqual(first)
  const trail = await cloud.collection('audit_log', { targetId: last._id, action: 'publish' })
  expect(trail).toHaveLength(1)
})
