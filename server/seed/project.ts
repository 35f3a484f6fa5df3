/**
 * 项目管理 demo data, tab by tab: 阳光花园 (南山区 → 粤海街道 → 高新社区, a 12-building estate of
 * 1,856 homes) has every tab filled with lists long enough to page; 海滨广场 (福田区 → 沙头街道 →
 * 新沙社区) has shorter lists and no 党支部; 翠湖雅苑 (光明区 → 光明街道 → 翠湖社区), just delivered,
 * has nothing but its project record, so every tab shows its empty state. Its registered manager
 * 周文斌 also manages 阳光花园: binding him gives a manager of two projects to switch between.
 */
import { cstDate } from '../../types/display'
import type {
  BuildingOwners,
  Facility,
  FacilityKind,
  FacilityStatus,
  MaintenanceFund,
  MaintenanceUse,
  OwnerCommittee,
  PartyBranch,
  Project,
  ProjectProfile,
  PropertyCompany,
  ServiceContract,
  StaffMember,
  UseStatus,
  VoteMatter,
  VoteSession,
} from '../../types/project'
import { ownerTotals } from '../../types/project'
import { DEMO_PEOPLE } from './people'
import { birthDate, DAY, daysAgo, idNo, mobile, personName, random, type Random } from './random'

/** The project of the empty states (the identity seed holds 阳光花园 and 海滨广场). */
export const CUIHU: Project = {
  _id: 'p-cuihu',
  code: 'SZGM2025003',
  name: '翠湖雅苑',
  district: '光明区',
  street: '光明街道',
  community: '翠湖社区',
  address: '深圳市光明区光明街道华夏路翠湖雅苑',
  servicePhone: '0755-23401188',
  managerScore: 0,
  company: '深圳市光明城市服务有限公司',
}

/** In the platform's registry of managers: 阳光花园 and 翠湖雅苑 (binding makes him a manager of both). */
export const ZHOU = {
  _id: 'r-zhou',
  name: '周文斌',
  phone: '13700137002',
  projectIds: ['p-yangguang', 'p-cuihu'],
  title: '项目负责人',
}

// ---- 基础信息, 业主情况, 电子投票 (profiles) -----------------------------------------------------

function buildings(
  r: Random,
  names: string[],
  households: number[],
  bindShare: number,
): BuildingOwners[] {
  return names.map((building, i) => {
    const owners = households[i] + r.int(0, Math.floor(households[i] / 12))
    const bound = Math.min(owners, Math.round(owners * (bindShare + (r.next() - 0.5) / 5)))
    return { building, households: households[i], owners, bound }
  })
}

function profile(
  p: Omit<ProjectProfile, 'owners' | 'households' | 'buildings'>,
  byBuilding: BuildingOwners[],
): ProjectProfile {
  return { ...p, ...ownerTotals(byBuilding) }
}

export function profiles(now: number): ProjectProfile[] {
  const r = random(20_261_101)
  const yg = buildings(
    r,
    Array.from({ length: 12 }, (_, i) => `${i + 1}栋`),
    [132, 132, 176, 176, 176, 154, 154, 154, 132, 132, 176, 162],
    0.74,
  )
  const hb = buildings(r, ['A座', 'B座', 'C座'], [236, 236, 170], 0.58)
  // prettier-ignore
  return [
    profile({ _id: 'p-yangguang', projectId: 'p-yangguang', propertyType: '住宅', landArea: 68_420.35, buildingArea: 215_386.72,
      completedAt: '2016-12-28', companyId: 'pc-anju', managedSince: '2017-01-01',
      voting: { voters: 1712, households: 1690 }, updatedAt: now - 3 * DAY }, yg),
    profile({ _id: 'p-haibin', projectId: 'p-haibin', propertyType: '商住', landArea: 12_806.5, buildingArea: 98_645.18,
      completedAt: '2009-06-30', companyId: 'pc-pengcheng', managedSince: '2019-10-01',
      voting: { voters: 603, households: 588 }, updatedAt: now - 9 * DAY }, hb),
  ]
}

// ---- 物业公司 -------------------------------------------------------------------------------

export const COMPANIES: PropertyCompany[] = [
  {
    _id: 'pc-anju',
    name: '深圳市安居物业管理有限公司',
    uscc: '91440300192176552K',
    legalPerson: '杨国庆',
    address: '深圳市南山区粤海街道科技园社区科苑路15号科兴科学园B栋12层',
    contact: '林慧',
    contactPhone: '13612345678',
    creditGrade: 'AA',
    creditScore: 92.6,
    registeredAt: '2003-06-18',
  },
  {
    _id: 'pc-pengcheng',
    name: '深圳市鹏城物业服务有限公司',
    uscc: '91440300MA5F3T8Q1P',
    legalPerson: '徐海',
    address: '深圳市福田区沙头街道天安社区泰然四路天安数码城创新科技广场一期A座9楼',
    contact: '何静',
    contactPhone: '13798765432',
    creditGrade: 'A',
    creditScore: 86.4,
    registeredAt: '2011-03-09',
  },
]

// ---- 从业人员 -------------------------------------------------------------------------------

/** [post, how many, certificate (or '')]. */
const YG_POSTS: [string, number, string][] = [
  ['项目经理', 1, '物业管理师'],
  ['项目副经理', 1, '物业管理员（高级）'],
  ['客服主管', 1, '物业管理员'],
  ['客服专员', 3, ''],
  ['工程主管', 1, '注册电气工程师'],
  ['电工', 3, '低压电工作业证'],
  ['给排水维修工', 2, '建筑给排水维修工证'],
  ['电梯安全管理员', 1, '特种设备安全管理人员证（A）'],
  ['消防控制室值班员', 4, '消防设施操作员（中级）'],
  ['秩序维护主管', 1, '保安员证'],
  ['秩序维护员', 8, '保安员证'],
  ['保洁主管', 1, ''],
  ['保洁员', 5, ''],
  ['绿化工', 2, ''],
]
const HB_POSTS: [string, number, string][] = [
  ['项目经理', 1, '物业管理师'],
  ['客服主管', 1, '物业管理员'],
  ['客服专员', 2, ''],
  ['工程主管', 1, '低压电工作业证'],
  ['电工', 2, '低压电工作业证'],
  ['消防控制室值班员', 2, '消防设施操作员（中级）'],
  ['秩序维护员', 4, '保安员证'],
  ['保洁员', 2, ''],
]

function staffOf(
  projectId: string,
  posts: [string, number, string][],
  manager: { name: string; phone: string; idNo: string; since: string },
  r: Random,
  now: number,
): StaffMember[] {
  const out: StaffMember[] = []
  for (const [post, n, cert] of posts) {
    for (let i = 0; i < n; i++) {
      const first = post === '项目经理'
      const born = birthDate(r)
      const order = out.length + 1
      out.push({
        _id: `st-${projectId.replace(/^p-/, '')}-${String(order).padStart(3, '0')}`,
        projectId,
        name: first ? manager.name : personName(r),
        post,
        certificate: cert ? `${cert} No.${r.int(2015, 2025)}${r.int(1e7, 9e7)}` : '无',
        phone: first ? manager.phone : mobile(r),
        // Drawn for every row, so the rows after stay as they were; the manager has his own.
        idNo: ownOr(manager.idNo, first, idNo(r, born)),
        startDate: first ? manager.since : daysAgo(now, r.int(60, 2900)),
        order,
      })
    }
  }
  return out
}

/** `own` when `mine`, else what was drawn. */
const ownOr = (own: string, mine: boolean, drawn: string) => (mine ? own : drawn)

export function staff(now: number): StaffMember[] {
  const r = random(20_261_102)
  return [
    ...staffOf('p-yangguang', YG_POSTS, { ...DEMO_PEOPLE.zhang, since: '2017-01-01' }, r, now),
    ...staffOf('p-haibin', HB_POSTS, { ...DEMO_PEOPLE.chen, since: '2019-10-01' }, r, now),
  ]
}

// ---- 业主委员会, 党支部 -------------------------------------------------------------------------

/** The committee's people, named again by the credit seed (业委会主任, 执行秘书). */
export const YG_COMMITTEE_PEOPLE = {
  director: { name: '黄志明', phone: '13923456781', room: '6栋1单元2101' },
  secretary: { name: '吴婷', phone: '13537654321', room: '9栋2单元803' },
}
export const HB_DIRECTOR = { name: '林国栋', phone: '13825556671', room: 'A座2106' }

export function committees(now: number): OwnerCommittee[] {
  const r = random(20_261_103)
  const member = (post: string, tower?: string) => ({
    name: personName(r),
    post,
    phone: mobile(r),
    room: tower
      ? `${tower}${r.int(8, 30)}0${r.int(1, 8)}`
      : `${r.int(1, 12)}栋${r.int(1, 2)}单元${r.int(2, 32)}0${r.int(1, 4)}`,
  })
  const { director, secretary } = YG_COMMITTEE_PEOPLE
  return [
    {
      _id: 'oc-yangguang-2',
      projectId: 'p-yangguang',
      name: '阳光花园第二届业主委员会',
      electedAt: '2023-06-18',
      termFrom: '2023-07-01',
      termTo: '2028-06-30',
      filing: {
        status: '已备案',
        no: '粤海业委备〔2023〕012号',
        at: '2023-07-20',
        by: '南山区粤海街道办事处',
      },
      members: [
        { ...director, post: '主任' },
        member('副主任'),
        member('委员'),
        member('委员'),
        member('委员'),
        member('委员'),
        member('委员'),
        member('候补委员'),
        member('候补委员'),
        { ...secretary, post: '执行秘书' },
      ],
    },
    {
      _id: 'oc-haibin-1',
      projectId: 'p-haibin',
      name: '海滨广场第一届业主委员会',
      // Elected by the first assembly's vote (voteSessions), two months ago: filing under way.
      electedAt: daysAgo(now, 66),
      termFrom: daysAgo(now, 50),
      termTo: `${Number(daysAgo(now, 50).slice(0, 4)) + 5}${daysAgo(now, 51).slice(4)}`,
      filing: { status: '备案中', no: null, at: null, by: '福田区沙头街道办事处' },
      members: [
        { ...HB_DIRECTOR, post: '主任' },
        member('副主任', 'B座'),
        member('委员', 'A座'),
        member('委员', 'C座'),
        member('委员', 'B座'),
      ],
    },
  ]
}

export function partyBranches(): PartyBranch[] {
  return [
    {
      _id: 'pb-yangguang',
      projectId: 'p-yangguang',
      name: '中共深圳市南山区阳光花园小区支部委员会',
      secretary: '郑海波',
      memberCount: 46,
      foundedAt: '2019-07-01',
      parent: '中共深圳市南山区粤海街道高新社区委员会',
      phone: '13828765409',
    },
  ]
}

// ---- 电子投票 -------------------------------------------------------------------------------

const MATTERS = [
  '续聘深圳市安居物业管理有限公司提供物业服务',
  '使用专项维修资金更换1、2栋电梯曳引机',
  '使用专项维修资金维修3栋外墙渗漏',
  '年度公共收益使用预算',
  '修订《阳光花园管理规约》',
  '修订《业主大会议事规则》',
  '增设新能源汽车充电桩',
  '地下车库顶板防水修缮方案',
  '小区监控系统高清化升级',
  '调整临时停车收费标准',
  '增设电动自行车集中充电棚',
  '聘请会计师事务所审计共有资金',
  '中心花园绿化提升方案',
  '选举第二届业主委员会委员',
]

export function voteSessions(now: number): VoteSession[] {
  const r = random(20_261_104)
  const out: VoteSession[] = []
  const households = 1690
  // Every three to four months over six years, newest last.
  for (let i = 0; i < 24; i++) {
    const startAt = now - (2_190 - i * 90 - r.int(0, 20)) * DAY
    const endAt = startAt + r.int(10, 21) * DAY
    if (endAt > now) break
    const participants = r.int(980, 1460)
    const matters: VoteMatter[] = Array.from({ length: r.int(1, 4) }, () => {
      const agreePeople = r.int(560, 960) / 10
      const agreeArea = Math.min(99.9, Math.max(30, agreePeople + r.int(-40, 40) / 10))
      return {
        title: r.pick(MATTERS),
        // Shenzhen: a matter passes with two thirds of those voting, by number and by area.
        result: agreePeople >= 66.7 && agreeArea >= 66.7 ? 'passed' : 'failed',
        agreePeople,
        agreeArea: Number(agreeArea.toFixed(1)),
      }
    })
    const year = cstDate(startAt).slice(0, 4)
    const nth = out.filter((s) => cstDate(s.startAt).startsWith(year)).length + 1
    out.push({
      _id: `vs-yg-${String(i + 1).padStart(3, '0')}`,
      projectId: 'p-yangguang',
      title: `${year}年第${'一二三四五'[nth - 1] ?? nth}次业主共同决定事项（电子投票）`,
      startAt,
      endAt,
      participants,
      households: Math.min(households, participants - r.int(10, 40)),
      matters,
    })
  }
  out.push({
    _id: 'vs-hb-001',
    projectId: 'p-haibin',
    title: '首次业主大会会议（电子投票）',
    startAt: now - 80 * DAY,
    endAt: now - 66 * DAY,
    participants: 402,
    households: 391,
    matters: [
      { title: '成立海滨广场业主大会', result: 'passed', agreePeople: 91.3, agreeArea: 92.8 },
      { title: '选举第一届业主委员会委员', result: 'passed', agreePeople: 84.6, agreeArea: 86.1 },
      { title: '表决通过《管理规约》', result: 'passed', agreePeople: 88.2, agreeArea: 89.0 },
    ],
  })
  return out
}

// ---- 设施设备 -------------------------------------------------------------------------------

const MAINTAINERS: Record<FacilityKind, string> = {
  电梯: '深圳市迅达电梯工程有限公司',
  消防设施: '深圳市安消消防工程有限公司',
  二次供水: '深圳市水务科技工程有限公司',
  供配电: '深圳供电局有限公司南山供电分局',
  安防监控: '深圳市安视达智能科技有限公司',
  门禁道闸: '深圳市捷安达智能系统有限公司',
  充电设施: '深圳市充电科技有限公司',
  排水防涝: '深圳市水务科技工程有限公司',
  康体设施: '深圳市康乐体育设施工程有限公司',
}
const KIND_CODES: Record<FacilityKind, string> = {
  电梯: 'DT',
  消防设施: 'XF',
  二次供水: 'GS',
  供配电: 'PD',
  安防监控: 'AF',
  门禁道闸: 'MJ',
  充电设施: 'CD',
  排水防涝: 'PS',
  康体设施: 'KT',
}

export function facilities(now: number): Facility[] {
  const r = random(20_261_105)
  const out: Facility[] = []
  const add = (
    projectId: string,
    prefix: string,
    kind: FacilityKind,
    name: string,
    location: string,
    installedAt: string,
    status: FacilityStatus = 'normal',
  ) => {
    // 设备台账编号: the ledger's running number, lifts first as the ledger lists them.
    const n = out.filter((f) => f.projectId === projectId).length + 1
    const code = `${prefix}-SB-${String(n).padStart(3, '0')}`
    out.push({
      _id: `fc-${code.toLowerCase()}-${KIND_CODES[kind].toLowerCase()}`,
      projectId,
      code,
      name,
      kind,
      location,
      status,
      installedAt,
      lastMaintainedAt: daysAgo(now, kind === '电梯' ? r.int(1, 14) : r.int(5, 120)),
      maintainer: MAINTAINERS[kind],
    })
  }
  for (let b = 1; b <= 12; b++) {
    for (const lift of ['1号客梯', '2号客梯']) {
      const stopped = b === 2 && lift === '1号客梯'
      add(
        'p-yangguang',
        'YG',
        '电梯',
        `${b}栋${lift}`,
        `${b}栋${lift === '1号客梯' ? '东' : '西'}侧电梯厅`,
        '2016-10-12',
        stopped ? 'stopped' : 'normal',
      )
    }
  }
  add('p-yangguang', 'YG', '消防设施', '消防主泵', '地下二层消防泵房', '2016-09-20')
  add('p-yangguang', 'YG', '消防设施', '消防备用泵', '地下二层消防泵房', '2016-09-20')
  add('p-yangguang', 'YG', '消防设施', '喷淋加压泵', '地下二层消防泵房', '2016-09-20', 'repair')
  add('p-yangguang', 'YG', '消防设施', '火灾自动报警主机', '1栋首层消防控制室', '2016-09-28')
  add('p-yangguang', 'YG', '消防设施', '屋顶消防水箱', '7栋屋面', '2016-09-18')
  add('p-yangguang', 'YG', '二次供水', '生活水泵（低区）', '地下一层生活水泵房', '2016-09-15')
  add('p-yangguang', 'YG', '二次供水', '生活水泵（高区）', '地下一层生活水泵房', '2016-09-15')
  add('p-yangguang', 'YG', '二次供水', '不锈钢生活水箱', '地下一层生活水泵房', '2016-09-15')
  add(
    'p-yangguang',
    'YG',
    '供配电',
    '1号干式变压器（1250kVA）',
    '地下一层高低压配电房',
    '2016-08-30',
  )
  add(
    'p-yangguang',
    'YG',
    '供配电',
    '2号干式变压器（1250kVA）',
    '地下一层高低压配电房',
    '2016-08-30',
  )
  add('p-yangguang', 'YG', '供配电', '柴油发电机组（800kW）', '地下一层发电机房', '2016-08-30')
  add('p-yangguang', 'YG', '安防监控', '监控中心硬盘录像系统', '1栋首层监控中心', '2024-05-16')
  add('p-yangguang', 'YG', '安防监控', '周界红外对射', '小区围墙一周', '2016-11-02')
  add('p-yangguang', 'YG', '门禁道闸', '东门车行道闸', '东门（科技南十二路）', '2025-04-08')
  add('p-yangguang', 'YG', '门禁道闸', '南门人脸识别门禁', '南门人行入口', '2025-04-08')
  add('p-yangguang', 'YG', '充电设施', '电动汽车充电桩（48个）', '地下一层B区', '2023-11-20')
  add('p-yangguang', 'YG', '充电设施', '电动自行车集中充电棚', '9栋北侧架空层', '2024-03-01')
  for (const [i, place] of ['地下一层A区', '地下一层B区', '地下二层A区', '地下二层B区'].entries()) {
    add('p-yangguang', 'YG', '排水防涝', `${i + 1}号集水井排污泵`, place, '2016-09-10')
  }
  add('p-yangguang', 'YG', '排水防涝', '车库出入口挡水板', '东门地下车库出入口', '2022-05-12')
  add('p-yangguang', 'YG', '康体设施', '儿童游乐设施', '中心花园', '2024-09-01')
  add('p-yangguang', 'YG', '康体设施', '室外健身路径', '中心花园东侧', '2019-06-18')

  for (const tower of ['A座', 'B座', 'C座']) {
    add('p-haibin', 'HB', '电梯', `${tower}1号客梯`, `${tower}首层电梯厅`, '2009-05-20')
    add('p-haibin', 'HB', '电梯', `${tower}2号客梯`, `${tower}首层电梯厅`, '2009-05-20')
  }
  add('p-haibin', 'HB', '消防设施', '消防主泵', '地下一层消防泵房', '2009-04-16')
  add('p-haibin', 'HB', '二次供水', '生活水泵', '地下一层生活水泵房', '2009-04-16', 'repair')
  add('p-haibin', 'HB', '供配电', '干式变压器（1000kVA）', '地下一层配电房', '2009-04-10')
  add('p-haibin', 'HB', '门禁道闸', '车库出入口道闸', '滨河大道辅道入口', '2021-07-01')
  return out
}

// ---- 物业服务合同 ---------------------------------------------------------------------------

/** A fee of a contract (per square metre and month unless said). */
const fee = (item: string, fen: number, unit = '元/平方米·月') => ({ item, fen, unit })

export function serviceContracts(): ServiceContract[] {
  // prettier-ignore
  return [
    { _id: 'sc-yg-2023', projectId: 'p-yangguang', kind: '物业服务合同', feeMode: '包干制',
      filingNo: '深南物合备〔2022〕0153号', filedAt: '2022-12-28', signedAt: '2022-12-20', termFrom: '2023-01-01', termTo: '2027-12-31',
      partyA: '深圳市南山区阳光花园业主大会', partyB: '深圳市安居物业管理有限公司',
      fees: [fee('住宅', 280), fee('商铺', 650), fee('地下车位管理服务费', 8000, '元/个·月')] },
    { _id: 'sc-yg-2017', projectId: 'p-yangguang', kind: '前期物业服务合同', feeMode: '包干制',
      filingNo: '深南物合备〔2016〕0471号', filedAt: '2016-12-15', signedAt: '2016-11-30', termFrom: '2017-01-01', termTo: '2022-12-31',
      partyA: '深圳市阳光置业有限公司（建设单位）', partyB: '深圳市安居物业管理有限公司',
      fees: [fee('住宅', 250), fee('商铺', 600), fee('地下车位管理服务费', 6000, '元/个·月')] },
    { _id: 'sc-hb-2019', projectId: 'p-haibin', kind: '前期物业服务合同', feeMode: '酬金制',
      filingNo: '深福物合备〔2019〕0288号', filedAt: '2019-09-26', signedAt: '2019-09-12', termFrom: '2019-10-01', termTo: '2027-09-30',
      partyA: '深圳市海滨置业发展有限公司（建设单位）', partyB: '深圳市鹏城物业服务有限公司',
      fees: [fee('住宅', 420), fee('写字楼', 980), fee('商铺', 1200)] },
  ]
}

// ---- 维修金信息 -----------------------------------------------------------------------------

const USES = [
  ['电梯曳引机及控制柜更换', '深圳市迅达电梯工程有限公司'],
  ['外墙渗漏维修', '深圳市建工维修有限公司'],
  ['屋面防水修缮', '深圳市卓越防水工程有限公司'],
  ['消防喷淋管网更换', '深圳市安消消防工程有限公司'],
  ['二次供水设施改造', '深圳市水务科技工程有限公司'],
  ['地下车库顶板防水', '深圳市卓越防水工程有限公司'],
  ['电梯门机系统更换', '深圳市迅达电梯工程有限公司'],
  ['单元门禁对讲系统更换', '深圳市捷安达智能系统有限公司'],
] as const

function uses(
  projectId: string,
  prefix: string,
  buildingNames: string[],
  n: number,
  r: Random,
  now: number,
): MaintenanceUse[] {
  const out: MaintenanceUse[] = []
  for (let i = 0; i < n; i++) {
    const [item, contractor] = r.pick(USES)
    const status: UseStatus = i >= n - 1 ? 'reviewing' : i >= n - 3 ? 'approved' : 'paid'
    const people = r.int(670, 880) / 10
    out.push({
      _id: `mu-${prefix}-${String(i + 1).padStart(3, '0')}`,
      projectId,
      item: `${r.pick(buildingNames)}${item}`,
      amount: r.int(3_800_000, 46_000_000),
      appliedAt: daysAgo(now, Math.round(((n - i) * 2900) / n) + r.int(0, 40)),
      status,
      approval: `业主表决通过：同意人数占比 ${people.toFixed(1)}%，同意面积占比 ${(people + 1.3).toFixed(1)}%`,
      contractor,
    })
  }
  return out
}

export function maintenance(now: number): { funds: MaintenanceFund[]; uses: MaintenanceUse[] } {
  const r = random(20_261_106)
  const ygUses = uses(
    'p-yangguang',
    'yg',
    Array.from({ length: 12 }, (_, i) => `${i + 1}栋`),
    26,
    r,
    now,
  )
  const hbUses = uses('p-haibin', 'hb', ['A座', 'B座', 'C座'], 4, r, now)
  const fund = (
    projectId: string,
    list: MaintenanceUse[],
    households: [number, number],
    due: number,
    collected: number,
    interest: number,
  ): MaintenanceFund => {
    const used = list.filter((u) => u.status === 'paid').reduce((n, u) => n + u.amount, 0)
    return {
      _id: projectId,
      projectId,
      manager: '深圳市物业专项维修资金管理中心',
      householdsDue: households[0],
      householdsPaid: households[1],
      due,
      collected,
      interest,
      used,
      balance: collected + interest - used,
      updatedAt: now - 2 * DAY,
    }
  }
  return {
    funds: [
      fund('p-yangguang', ygUses, [1856, 1849], 3_877_418_600, 3_862_127_445, 318_664_017),
      fund('p-haibin', hbUses, [642, 630], 1_482_660_000, 1_455_908_320, 201_447_583),
    ],
    uses: [...ygUses, ...hbUses],
  }
}

export function projectSeed(now: number) {
  const { funds, uses: fundUses } = maintenance(now)
  return {
    docs: {
      projects: [CUIHU],
      registry_managers: [ZHOU],
      project_profiles: profiles(now),
      project_staff: staff(now),
      property_companies: COMPANIES,
      owner_committees: committees(now),
      party_branches: partyBranches(),
      vote_sessions: voteSessions(now),
      facilities: facilities(now),
      service_contracts: serviceContracts(),
      maintenance_funds: funds,
      maintenance_uses: fundUses,
    },
  }
}
