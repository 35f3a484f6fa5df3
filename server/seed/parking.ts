import {
  editionId,
  type ParkingDraft,
  type ParkingEdition,
  type ParkingForm,
} from '../../types/parking'
import type { Todo } from '../../types/todos'
import { DEMO_PEOPLE } from './people'

/**
 * 车位信息公开 demo data. 阳光花园: edition 1 published long ago and superseded, edition 2 the
 * one the public sees (a handler submitted it, the manager published it), edition 3 a draft the
 * handler started after 36 spaces were added (not finished: the sums do not add up yet).
 * 海滨广场: one edition its manager published himself.
 */
const DAY = 86_400_000

const YANGGUANG_V1: ParkingForm = {
  landTransferDate: '2015-03-18',
  earliestPresaleDate: '2016-09-01',
  homes: 1260,
  counts: {
    total: 800,
    planned: 800,
    added: 0,
    fixed: 600,
    nonFixed: 200,
    underground: 760,
    aboveGround: 40,
  },
  sharedLand: { spaces: 0, incomeTo: null, note: '' },
  managementUnit: '深圳市安居物业管理有限公司',
  cards: {
    issued: 610,
    monthlyFee: 300,
    tempFee: '首小时5元，之后每小时2元，24小时内最高30元',
    howToApply: '携带房产证明、行驶证至物业服务中心办理',
  },
  chargers: { count: 0, builder: '无', operator: '无' },
  dispute: { type: null, text: '' },
  relief: { adopted: false, measures: [], note: '' },
}

const YANGGUANG_V2: ParkingForm = {
  ...YANGGUANG_V1,
  counts: {
    total: 820,
    planned: 800,
    added: 20,
    fixed: 600,
    nonFixed: 220,
    underground: 760,
    aboveGround: 60,
  },
  sharedLand: { spaces: 20, incomeTo: 'allOwners', note: '' },
  cards: { ...YANGGUANG_V1.cards, issued: 640, monthlyFee: 350 },
  chargers: {
    count: 48,
    builder: '深圳市安居物业管理有限公司',
    operator: '深圳市前海充电科技有限公司',
  },
  dispute: {
    type: '车位占用纠纷',
    text: '2026年6月，2栋地面新增车位被个别业主长期占用，经业委会协调已恢复临时停车使用。',
  },
  relief: {
    adopted: true,
    measures: ['错峰共享停车', '挖潜增设停车位'],
    note: '夜间向业主开放科技园写字楼停车场（与园区签订共享协议）。',
  },
}

/** The handler's draft of edition 3: 16 more spaces entered in the total, not yet split. */
const YANGGUANG_DRAFT: ParkingDraft = {
  ...YANGGUANG_V2,
  counts: { ...YANGGUANG_V2.counts, total: 836, added: 36, fixed: 616 },
  chargers: { ...YANGGUANG_V2.chargers, count: null },
}

const HAIBIN_V1: ParkingForm = {
  landTransferDate: '2008-06-30',
  earliestPresaleDate: '2010-04-15',
  homes: 980,
  counts: {
    total: 1150,
    planned: 1100,
    added: 50,
    fixed: 700,
    nonFixed: 450,
    underground: 1100,
    aboveGround: 50,
  },
  sharedLand: { spaces: 50, incomeTo: 'allOwners', note: '' },
  managementUnit: '深圳市鹏城物业服务有限公司',
  cards: {
    issued: 1020,
    monthlyFee: 480,
    tempFee: '每小时10元，24小时内最高60元',
    howToApply: '在“鹏城物业”小程序在线申请，或至地下一层停车场管理处办理',
  },
  chargers: { count: 120, builder: '深圳供电局有限公司', operator: '深圳市鹏城物业服务有限公司' },
  dispute: { type: null, text: '' },
  relief: { adopted: true, measures: ['引导使用周边公共停车场'], note: '' },
}

interface Actor {
  id: string
  name: string
  role: 'handler' | 'manager'
}
const LI: Actor = { id: 'a-li', name: DEMO_PEOPLE.li.name, role: 'handler' }
const ZHANG: Actor = { id: 'a-zhang', name: DEMO_PEOPLE.zhang.name, role: 'manager' }
const CHEN: Actor = { id: 'a-chen', name: DEMO_PEOPLE.chen.name, role: 'manager' }

/**
 * How each edition came about: its author's saves, then 提交 (by the author) and 发布 (by the
 * publisher), in days before now; a superseded one was replaced by `supersededBy` at its last save.
 */
interface Story extends Pick<
  ParkingEdition,
  'projectId' | 'edition' | 'status' | 'step' | 'version' | 'supersededBy'
> {
  form: ParkingDraft
  by: Actor
  created: number
  updated: number
  submitted?: number
  published?: number
  publisher?: Actor
}

const YG = 'p-yangguang'
// prettier-ignore
const STORIES: Story[] = [
  { projectId: YG, edition: 1, status: 'superseded', form: YANGGUANG_V1, step: 5, version: 4, by: LI, created: 430, updated: 20, submitted: 425, published: 424, publisher: ZHANG, supersededBy: 2 },
  { projectId: YG, edition: 2, status: 'published', form: YANGGUANG_V2, step: 5, version: 3, by: LI, created: 24, updated: 20, submitted: 22, published: 20, publisher: ZHANG },
  { projectId: YG, edition: 3, status: 'draft', form: YANGGUANG_DRAFT, step: 1, version: 5, by: LI, created: 2, updated: 1 },
  { projectId: 'p-haibin', edition: 1, status: 'published', form: HAIBIN_V1, step: 5, version: 3, by: CHEN, created: 60, updated: 58, submitted: 58, published: 58, publisher: CHEN },
]

function edition(now: number, s: Story): ParkingEdition {
  const at = (days: number) => now - days * DAY
  const { projectId, edition, status, form, step, version, by } = s
  const doc: ParkingEdition = {
    _id: editionId(projectId, edition),
    projectId,
    edition,
    status,
    form,
    step,
    version,
    createdAt: at(s.created),
    createdBy: by.id,
    createdByName: by.name,
    updatedAt: at(s.updated),
    updatedByName: by.name,
  }
  if (s.submitted !== undefined) {
    const submitter = { submittedBy: by.id, submittedByName: by.name, submittedByRole: by.role }
    Object.assign(doc, { submittedAt: at(s.submitted), ...submitter })
  }
  if (s.published !== undefined && s.publisher) {
    Object.assign(doc, { publishedAt: at(s.published), publishedByName: s.publisher.name })
  }
  if (s.supersededBy) {
    Object.assign(doc, { supersededAt: doc.updatedAt, supersededBy: s.supersededBy })
  }
  return doc
}

export function parkingEditions(now: number): ParkingEdition[] {
  return STORIES.map((s) => edition(now, s))
}

/** The trail the seeded editions would have left (审核信息). */
export function parkingAudit(now: number) {
  const row = (
    id: string,
    targetId: string,
    projectId: string,
    action: string,
    label: string,
    actor: Actor,
    at: number,
    detail: Record<string, unknown>,
  ) => ({
    _id: id,
    fn: 'parking',
    action,
    label,
    targetType: 'parkingEdition',
    targetId,
    projectId,
    actorId: actor.id,
    actorName: actor.name,
    actorRole: actor.role,
    actorOpenid: '',
    at,
    detail,
  })
  const [li, zhang, chen] = [LI, ZHANG, CHEN]
  const yg = 'p-yangguang'
  const e = (n: number) => editionId(yg, n)
  const hb = editionId('p-haibin', 1)
  return [
    row('au-pk-1', e(1), yg, 'createDraft', '新建草稿', li, now - 430 * DAY, { edition: 1 }),
    row('au-pk-2', e(1), yg, 'submit', '提交车位信息', li, now - 425 * DAY, { edition: 1 }),
    row('au-pk-3', e(1), yg, 'publish', '发布车位信息', zhang, now - 424 * DAY, { edition: 1 }),
    row('au-pk-4', e(2), yg, 'createDraft', '新建草稿', li, now - 24 * DAY, { edition: 2 }),
    row('au-pk-5', e(2), yg, 'submit', '提交车位信息', li, now - 22 * DAY, { edition: 2 }),
    row('au-pk-6', e(2), yg, 'publish', '发布车位信息', zhang, now - 20 * DAY, {
      edition: 2,
      replaces: 1,
    }),
    row('au-pk-7', e(1), yg, 'supersede', '被新版替代', zhang, now - 20 * DAY, {
      edition: 1,
      by: 2,
    }),
    row('au-pk-8', e(3), yg, 'createDraft', '新建草稿', li, now - 2 * DAY, { edition: 3 }),
    row('au-pk-9', hb, 'p-haibin', 'createDraft', '新建草稿', chen, now - 60 * DAY, {
      edition: 1,
    }),
    row('au-pk-10', hb, 'p-haibin', 'submit', '提交车位信息', chen, now - 58 * DAY, {
      edition: 1,
    }),
    row('au-pk-11', hb, 'p-haibin', 'publish', '发布车位信息', chen, now - 58 * DAY, {
      edition: 1,
    }),
  ]
}

/** The 发布 to-dos the handler's submissions opened and the manager's 发布 closed (已办). */
export function parkingDoneTodos(now: number): Todo[] {
  return parkingEditions(now)
    .filter((e) => e.submittedByRole === 'handler' && e.publishedAt)
    .map((e) => ({
      _id: `t-publish-${e._id}`,
      projectId: e.projectId,
      kind: 'publishParking',
      title: `发布：车位信息公开第${e.edition}版（${e.submittedByName}提交）`,
      targetType: 'parkingEdition',
      targetId: e._id,
      link: `/pages/parking/sheet/index?editionId=${e._id}&projectId=${e.projectId}`,
      assigneeRole: 'manager',
      status: 'done',
      dueAt: e.submittedAt! + 3 * DAY,
      createdAt: e.submittedAt!,
      doneAt: e.publishedAt!,
      doneBy: 'a-zhang',
      doneByName: e.publishedByName!,
      result: '已发布',
    }))
}

export function parkingSeed(now: number) {
  return {
    docs: {
      parking_editions: parkingEditions(now),
      audit_log: parkingAudit(now),
      todos: parkingDoneTodos(now),
    },
  }
}
