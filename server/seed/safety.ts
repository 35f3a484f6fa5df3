import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  submissionId,
  type Answer,
  type CheckCategory,
  type SafetyCheck,
  type SafetySubmission,
} from '../../types/safety'
import type { Todo } from '../../types/todos'

/**
 * Safety checks as the operator publishes them (深建物管〔2020〕15号): the half-yearly 在线常规检查
 * against the Shenzhen property-safety standard (SZDBZ 307—2018), 370 points in all, and 专项检查
 * of 应急 / 消防 with a deadline. Demo projects are at different steps of the workflow.
 */
const DAY = 86_400_000

/** [category, [code, item, points]…] of the routine check: the standard's main headings. */
const STANDARD: [string, [string, string, number][]][] = [
  [
    '消防安全',
    [
      ['XF-01', '消防车通道、疏散通道、安全出口畅通，无占用、堵塞、封闭', 15],
      ['XF-02', '消防控制室24小时双人值班，持证上岗，值班记录完整', 15],
      ['XF-03', '火灾自动报警、自动喷水灭火系统运行正常，每年检测一次', 15],
      ['XF-04', '室内消火栓箱内水带、水枪配件齐全，压力正常', 10],
      ['XF-05', '灭火器在有效期内，每月检查并有记录', 10],
      ['XF-06', '应急照明、疏散指示标志完好有效', 10],
      ['XF-07', '电动自行车未在楼道、安全出口停放或充电', 10],
    ],
  ],
  [
    '电梯安全',
    [
      ['DT-01', '电梯使用标志在有效期内，并在轿厢内公示', 15],
      ['DT-02', '维保单位每15日至少维保一次，记录完整', 15],
      ['DT-03', '轿厢内应急呼叫装置有效，24小时有人应答', 10],
      ['DT-04', '电梯安全管理员持证上岗', 10],
    ],
  ],
  [
    '房屋结构与外立面',
    [
      ['FW-01', '外墙饰面、空调外机支架无松动、脱落隐患', 20],
      ['FW-02', '无擅自拆改承重结构、违法加建行为，发现后及时制止并报告', 15],
      ['FW-03', '公共区域栏杆、扶手、玻璃幕墙完好', 10],
    ],
  ],
  [
    '二次供水',
    [
      ['GS-01', '水箱（池）每半年清洗消毒一次，有水质检测报告', 15],
      ['GS-02', '水箱人孔加盖上锁，通气管、溢流管设防虫网', 10],
      ['GS-03', '供水管理人员持健康证上岗', 10],
    ],
  ],
  [
    '燃气安全',
    [
      ['RQ-01', '燃气管道、阀门无锈蚀、泄漏，标识清晰', 15],
      ['RQ-02', '配合燃气企业完成年度入户安检', 10],
    ],
  ],
  [
    '防汛防台',
    [
      ['FX-01', '地下车库出入口挡水板、沙袋等防汛物资到位', 15],
      ['FX-02', '排水沟、集水井、雨水篦子畅通，排水泵运行正常', 15],
      ['FX-03', '制定防汛防台应急预案，每年至少演练一次', 10],
      ['FX-04', '高空广告牌、树木等易坠物已加固或修剪', 10],
    ],
  ],
  [
    '设施设备与用电',
    [
      ['SB-01', '配电房、发电机房专人管理，门窗防鼠设施完好', 15],
      ['SB-02', '公共区域电线无私拉乱接、老化破损', 10],
      ['SB-03', '游乐设施、健身器材无破损、松动，警示标识清晰', 10],
    ],
  ],
  [
    '安全管理制度',
    [
      ['GL-01', '建立安全生产责任制，明确各岗位安全职责', 15],
      ['GL-02', '每月开展安全巡查，隐患整改形成闭环记录', 15],
      ['GL-03', '从业人员每年参加安全培训不少于一次', 15],
    ],
  ],
]

function categories(rows: typeof STANDARD): CheckCategory[] {
  return rows.map(([name, items]) => ({
    name,
    items: items.map(([_id, text, points]) => ({ _id, text, points })),
  }))
}

function check(c: Omit<SafetyCheck, 'totalPoints' | 'itemCount'>): SafetyCheck {
  const items = c.categories.flatMap((x) => x.items)
  return {
    ...c,
    totalPoints: items.reduce((sum, i) => sum + i.points, 0),
    itemCount: items.length,
  }
}

export function safetyChecks(now: number): SafetyCheck[] {
  return [
    check({
      _id: 'sc-2026h2',
      kind: 'routine',
      title: '2026年下半年物业小区在线常规检查',
      issuer: '深圳市住房和建设局',
      startAt: now - 10 * DAY,
      endAt: now + 20 * DAY,
      scope: { districts: ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区'] },
      categories: categories(STANDARD),
      publishedAt: now - 10 * DAY,
    }),
    check({
      _id: 'sc-fire-2026',
      kind: 'special',
      title: '冬春火灾防控专项检查',
      issuer: '深圳市消防救援支队',
      startAt: now - 3 * DAY,
      endAt: now + 7 * DAY,
      scope: { districts: ['南山区'] },
      categories: categories([STANDARD[0]]),
      publishedAt: now - 3 * DAY,
    }),
    check({
      _id: 'sc-2026h1',
      kind: 'routine',
      title: '2026年上半年物业小区在线常规检查',
      issuer: '深圳市住房和建设局',
      startAt: now - 190 * DAY,
      endAt: now - 160 * DAY,
      scope: { districts: ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区'] },
      categories: categories(STANDARD),
      publishedAt: now - 190 * DAY,
    }),
    check({
      _id: 'sc-flood-2026',
      kind: 'special',
      title: '“三防”防汛防台专项检查',
      issuer: '深圳市应急管理局',
      startAt: now - 150 * DAY,
      endAt: now - 135 * DAY,
      scope: { districts: ['南山区', '福田区'] },
      categories: categories([STANDARD[5]]),
      publishedAt: now - 150 * DAY,
    }),
  ]
}

/** Every item answered 无问题, except those given here. */
function answers(c: SafetyCheck, except: Record<string, Answer> = {}): Record<string, Answer> {
  const out: Record<string, Answer> = {}
  for (const item of c.categories.flatMap((x) => x.items)) {
    out[item._id] = except[item._id] ?? { result: 'ok', photos: [] }
  }
  return out
}

function score(c: SafetyCheck, a: Record<string, Answer>): number {
  const items = c.categories.flatMap((x) => x.items)
  return items.reduce((sum, i) => sum + (a[i._id]?.result === 'ok' ? i.points : 0), 0)
}

/** The photo the seed stores in the local cloud's storage for the draft's first problem. */
export const SEED_PHOTO_PATH = 'safety/p-yangguang/sc-2026h2/XF-07/seed-corridor.png'

export function safetySubmissions(now: number, photoFileId: string): SafetySubmission[] {
  const [h2, , h1, flood] = safetyChecks(now)
  const problem: Answer = {
    result: 'problem',
    note: '3栋2单元楼道有电动自行车停放，已张贴告知并约谈车主，限期三日内清理。',
    photos: [photoFileId],
  }
  const draft: Record<string, Answer> = {}
  for (const id of ['XF-01', 'XF-02', 'XF-03', 'XF-04', 'XF-05', 'XF-06']) {
    draft[id] = { result: 'ok', photos: [] }
  }
  draft['XF-07'] = problem
  const h1Answers = answers(h1, {
    'FW-01': {
      result: 'problem',
      note: '5栋北侧外墙瓷砖空鼓约2平方米，已围挡并报修。',
      photos: [],
    },
  })
  const floodAnswers = answers(flood)
  const haibin = answers(h2, {
    'GS-01': { result: 'problem', note: '水箱清洗报告待第三方出具，预计下周提供。', photos: [] },
  })
  const sub = (
    c: SafetyCheck,
    projectId: string,
    s: Partial<SafetySubmission> & Pick<SafetySubmission, 'status' | 'answers'>,
  ): SafetySubmission => ({
    _id: submissionId(c._id, projectId),
    checkId: c._id,
    projectId,
    version: 3,
    updatedAt: now - DAY,
    ...s,
  })
  return [
    sub(h2, 'p-yangguang', { status: 'draft', answers: draft, updatedAt: now - 2 * 3600_000 }),
    sub(h1, 'p-yangguang', {
      status: 'confirmed',
      answers: h1Answers,
      score: score(h1, h1Answers),
      submittedAt: now - 170 * DAY,
      submittedBy: 'a-li',
      submittedByName: '李晓华',
      confirmedAt: now - 168 * DAY,
    }),
    sub(flood, 'p-yangguang', {
      status: 'confirmed',
      answers: floodAnswers,
      score: score(flood, floodAnswers),
      submittedAt: now - 140 * DAY,
      submittedBy: 'a-li',
      submittedByName: '李晓华',
      confirmedAt: now - 139 * DAY,
    }),
    sub(h2, 'p-haibin', {
      status: 'awaitingConfirm',
      answers: haibin,
      score: score(h2, haibin),
      submittedAt: now - DAY,
      submittedBy: 'a-chen',
      submittedByName: '陈志强',
    }),
  ]
}

export function safetyTodos(now: number): Todo[] {
  const [h2, fire] = safetyChecks(now)
  const todo = (
    t: Pick<Todo, '_id' | 'projectId' | 'kind' | 'title' | 'targetId' | 'dueAt' | 'createdAt'> & {
      checkId: string
    },
  ): Todo => {
    const { checkId, ...rest } = t
    return {
      ...rest,
      targetType: 'safetySubmission',
      link: `/pages/safety/index?checkId=${checkId}&projectId=${t.projectId}`,
      assigneeRole: t.kind === 'confirmSafetyCheck' ? 'manager' : 'handler',
      status: 'pending',
    }
  }
  return [
    todo({
      _id: 't-fill-h2-yg',
      projectId: 'p-yangguang',
      kind: 'fillSafetyCheck',
      title: `填写：${h2.title}`,
      targetId: submissionId(h2._id, 'p-yangguang'),
      checkId: h2._id,
      dueAt: h2.endAt,
      createdAt: h2.startAt,
    }),
    todo({
      _id: 't-fill-fire-yg',
      projectId: 'p-yangguang',
      kind: 'fillSafetyCheck',
      title: `填写：${fire.title}`,
      targetId: submissionId(fire._id, 'p-yangguang'),
      checkId: fire._id,
      dueAt: fire.endAt,
      createdAt: fire.startAt,
    }),
    todo({
      _id: 't-confirm-h2-hb',
      projectId: 'p-haibin',
      kind: 'confirmSafetyCheck',
      title: `确认：${h2.title}`,
      targetId: submissionId(h2._id, 'p-haibin'),
      checkId: h2._id,
      dueAt: h2.endAt,
      createdAt: now - DAY,
    }),
  ]
}

type Actor = [id: string, name: string, role: 'handler' | 'manager']
const LI: Actor = ['a-li', '李晓华', 'handler']
const ZHANG: Actor = ['a-zhang', '张建国', 'manager']
const CHEN: Actor = ['a-chen', '陈志强', 'manager']

/**
 * The trail (审核信息) the seeded submissions would have left: each 提交 and 确认, with the score
 * against the total, as the function writes them.
 */
export function safetyAudit(now: number) {
  const [h2, , h1, flood] = safetyChecks(now)
  const subs = safetySubmissions(now, '')
  const of = (c: SafetyCheck, projectId: string) =>
    subs.find((x) => x._id === submissionId(c._id, projectId))!
  const row = (
    c: SafetyCheck,
    projectId: string,
    action: 'submit' | 'confirm',
    [actorId, actorName, actorRole]: Actor,
    at: number,
  ) => ({
    _id: `au-sc-${c._id}-${projectId}-${action}`,
    fn: 'safety',
    action,
    label: action === 'submit' ? '提交检查' : '确认检查',
    targetType: 'safetySubmission',
    targetId: submissionId(c._id, projectId),
    projectId,
    actorId,
    actorName,
    actorRole,
    actorOpenid: '',
    at,
    detail: { score: of(c, projectId).score, total: c.totalPoints },
  })
  const yg = 'p-yangguang'
  return [
    row(h1, yg, 'submit', LI, of(h1, yg).submittedAt!),
    row(h1, yg, 'confirm', ZHANG, of(h1, yg).confirmedAt!),
    row(flood, yg, 'submit', LI, of(flood, yg).submittedAt!),
    row(flood, yg, 'confirm', ZHANG, of(flood, yg).confirmedAt!),
    row(h2, 'p-haibin', 'submit', CHEN, of(h2, 'p-haibin').submittedAt!),
  ]
}

/** The to-dos those steps closed: 已办 has the history on a fresh start. */
export function safetyDoneTodos(now: number): Todo[] {
  const [h2, , h1, flood] = safetyChecks(now)
  const subs = safetySubmissions(now, '')
  const done = (
    c: SafetyCheck,
    projectId: string,
    kind: 'fillSafetyCheck' | 'confirmSafetyCheck',
    [doneBy, doneByName]: Actor,
  ): Todo => {
    const sub = subs.find((x) => x._id === submissionId(c._id, projectId))!
    const fill = kind === 'fillSafetyCheck'
    return {
      _id: `t-${fill ? 'fill' : 'confirm'}-${c._id}-${projectId}`,
      projectId,
      kind,
      title: `${fill ? '填写' : '确认'}：${c.title}`,
      targetType: 'safetySubmission',
      targetId: sub._id,
      link: `/pages/safety/index?checkId=${c._id}&projectId=${projectId}`,
      assigneeRole: fill ? 'handler' : 'manager',
      status: 'done',
      dueAt: c.endAt,
      createdAt: fill ? c.startAt : sub.submittedAt!,
      doneAt: fill ? sub.submittedAt! : sub.confirmedAt!,
      doneBy,
      doneByName,
      result: fill ? '已提交' : '已确认',
    }
  }
  const yg = 'p-yangguang'
  return [
    done(h1, yg, 'fillSafetyCheck', LI),
    done(h1, yg, 'confirmSafetyCheck', ZHANG),
    done(flood, yg, 'fillSafetyCheck', LI),
    done(flood, yg, 'confirmSafetyCheck', ZHANG),
    done(h2, 'p-haibin', 'fillSafetyCheck', CHEN),
  ]
}

export function safetySeed(now: number) {
  const photo = `cloud://local-env.local-cloud/${SEED_PHOTO_PATH}`
  return {
    docs: {
      safety_checks: safetyChecks(now),
      safety_submissions: safetySubmissions(now, photo),
      todos: [...safetyTodos(now), ...safetyDoneTodos(now)],
      audit_log: safetyAudit(now),
    },
    files: { [SEED_PHOTO_PATH]: readFileSync(join(__dirname, 'assets', 'corridor.png')) },
  }
}
