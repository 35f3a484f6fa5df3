import { ParkingContract, type ParkingForm } from '../../../types/parking'
import { expectOk } from '../helpers'
import { newRequestId, type Env, type Samples } from './kit'

/** A whole disclosure that keeps every rule (阳光花园 after 36 spaces were added). */
export function validForm(): ParkingForm {
  return {
    landTransferDate: '2015-03-18',
    earliestPresaleDate: '2016-09-01',
    homes: 1260,
    counts: {
      total: 836,
      planned: 800,
      added: 36,
      fixed: 616,
      nonFixed: 220,
      underground: 760,
      aboveGround: 76,
    },
    sharedLand: { spaces: 20, incomeTo: 'allOwners', note: '' },
    managementUnit: '深圳市安居物业管理有限公司',
    cards: {
      issued: 650,
      monthlyFee: 350,
      tempFee: '首小时5元，之后每小时2元',
      howToApply: '携带房产证明、行驶证至物业服务中心办理',
    },
    chargers: {
      count: 64,
      builder: '深圳市安居物业管理有限公司',
      operator: '深圳市前海充电科技有限公司',
    },
    dispute: { type: null, text: '' },
    relief: { adopted: true, measures: ['错峰共享停车'], note: '' },
  }
}

const parking = (env: Env) => env.caller(ParkingContract)

/** The project's open draft (cancelling a submitted edition first); starts one if there is none. */
export async function openDraft(
  env: Env,
  openid = 'demo-handler',
): Promise<{ editionId: string; version: number }> {
  const cur = expectOk(await parking(env)('current', {}, openid))
  if (cur.open?.status === 'submitted') {
    const cancel = { editionId: cur.open._id, version: cur.open.version, reason: '测试：重新填写' }
    expectOk(await parking(env)('cancel', cancel, 'demo-manager'))
  } else if (cur.open) return { editionId: cur.open._id, version: cur.open.version }
  const created = expectOk(await parking(env)('saveDraft', { version: 0, form: cur.base }, openid))
  return { editionId: created.editionId, version: created.version }
}

/** A submitted edition of 阳光花园 (submitted by `openid`). */
export async function submitted(env: Env, openid = 'demo-handler', form = validForm()) {
  const { editionId, version } = await openDraft(env, openid)
  return expectOk(
    await parking(env)('submit', { editionId, version, form, requestId: newRequestId() }, openid),
  ) as { _id: string; version: number }
}

const samples: Samples<typeof ParkingContract> = {
  current: { input: { projectId: 'p-yangguang' }, readOnly: true },
  edition: { input: { projectId: 'p-yangguang', editionId: 'p-yangguang_e2' }, readOnly: true },
  history: { input: { projectId: 'p-yangguang', page: 0 }, readOnly: true },
  saveDraft: {
    input: {
      projectId: 'p-yangguang',
      editionId: 'p-yangguang_e3',
      version: 5,
      form: {
        landTransferDate: '2015-03-18',
        earliestPresaleDate: '2016-09-01',
        homes: 1260,
        counts: { total: 836 },
        chargers: { count: null },
      },
      step: 1,
    },
  },
  submit: {
    input: {
      projectId: 'p-yangguang',
      editionId: 'p-yangguang_e3',
      version: 5,
      form: validForm(),
      requestId: newRequestId(),
    },
    async happy(env) {
      const { editionId, version } = await openDraft(env)
      return {
        reply: await parking(env)(
          'submit',
          { editionId, version, form: validForm(), requestId: newRequestId() },
          'demo-handler',
        ),
        targetId: editionId,
      }
    },
  },
  publish: {
    input: {
      projectId: 'p-yangguang',
      editionId: 'p-yangguang_e3',
      version: 6,
      requestId: newRequestId(),
    },
    async happy(env) {
      const ed = await submitted(env)
      return {
        reply: await parking(env)(
          'publish',
          { editionId: ed._id, version: ed.version, requestId: newRequestId() },
          'demo-manager',
        ),
        targetId: ed._id,
      }
    },
  },
  cancel: {
    input: {
      projectId: 'p-yangguang',
      editionId: 'p-yangguang_e3',
      version: 6,
      reason: '车位数有误',
    },
    async happy(env) {
      const ed = await submitted(env)
      return {
        reply: await parking(env)(
          'cancel',
          { editionId: ed._id, version: ed.version, reason: '车位数有误' },
          'demo-manager',
        ),
        targetId: ed._id,
      }
    },
  },
}
export default samples
