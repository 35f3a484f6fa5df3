/**
 * 信用信息 demo data: the subjects of 阳光花园 and 海滨广场 of all six types, with 良好 and 不良
 * records as the 住建局 and the 街道 publish them. Some bad records' display period has ended (the
 * function hides them) and one of 安居物业's ends five days from now (the tests move the clock past
 * it). 海滨广场 has no 执行秘书 and no 监事会 on record; 翠湖雅苑 has nothing.
 */
import type { CreditRecord, CreditSubject } from '../../types/credit'
import { DEMO_PEOPLE } from './people'
import { COMPANIES, HB_DIRECTOR, YG_COMMITTEE_PEOPLE } from './project'
import { birthDate, daysAgo, idNo, mobile, personName, random, type Random } from './random'

type RecordSpec = Pick<CreditRecord, 'kind' | 'title' | 'facts' | 'authority'> & {
  daysAgo: number
  penalty?: string
  /** Days the bad record is shown after its date. */
  showDays?: number
}

const NS_JS = '深圳市南山区住房和建设局'
const FT_JS = '深圳市福田区住房和建设局'
const SZ_JS = '深圳市住房和建设局'
const YH = '深圳市南山区粤海街道办事处'
const ST = '深圳市福田区沙头街道办事处'

const COMPANY_GOOD: [string, string][] = [
  ['深圳市物业管理优秀项目', '阳光花园项目获评年度深圳市物业管理优秀项目。'],
  ['消防安全标准化管理达标小区', '项目通过消防安全标准化管理达标验收。'],
  ['生活垃圾分类示范小区', '阳光花园获评南山区生活垃圾分类示范小区。'],
  ['防汛防台工作表现突出', '台风期间提前部署、及时排涝，未发生安全事故。'],
  ['物业服务质量评价优秀', '年度物业服务质量第三方评价得分94.2分。'],
  ['疫情防控工作表扬', '配合社区完成封控区保供及核酸采样组织工作。'],
  ['安全生产月活动先进单位', '组织消防演练及安全培训共6场，参与业主800余人次。'],
  ['绿色物业管理项目', '完成地下车库照明节能改造，年节电约18万千瓦时。'],
]
const COMPANY_BAD: [string, string, string][] = [
  ['未按规定公示共有资金收支情况', '第二季度公共收益收支情况未在规定时间内公示。', '责令限期改正'],
  ['消防通道堆放杂物', '消防检查发现5栋消防通道堆放装修垃圾。', '通报批评'],
  ['电动自行车违规充电管理不到位', '9栋楼道发现电动自行车飞线充电，未及时制止。', '约谈'],
  ['二次供水水箱未按期清洗', '生活水箱清洗消毒超过规定周期1个月。', '责令限期改正'],
  ['未按合同约定配置秩序维护人员', '夜间秩序维护人员少于合同约定人数。', '记不良行为一次'],
  ['物业服务投诉处理不及时', '12345热线转办投诉超期未办结3件。', '通报批评'],
]
const OWNER_BAD: [string, string][] = [
  ['违规装修拆改承重墙', '装修中拆除户内承重墙体，经制止拒不恢复。'],
  ['违法搭建', '在露台违规搭建阳光房约12平方米。'],
  ['高空抛物', '经监控查实从高层抛掷杂物，危及他人安全。'],
  ['占用消防通道', '长期在消防通道停放私家车，经多次劝导未改正。'],
  ['楼道违规停放电动自行车并充电', '在楼道停放电动自行车并私拉电线充电。'],
  ['损坏共用设施设备', '搬运家具时损坏电梯轿厢，拒不赔偿。'],
]
const OWNER_GOOD: [string, string][] = [
  ['热心公益', '长期参与小区志愿服务，协助开展垃圾分类宣传。'],
  ['见义勇为', '及时扑灭楼道电动车起火，避免火势蔓延。'],
  ['优秀志愿者', '参加社区防疫志愿服务累计超过200小时。'],
  ['积极参与业主共同决定', '协助业委会组织电子投票，提高参与率。'],
]

function recordsOf(
  subject: CreditSubject,
  specs: RecordSpec[],
  now: number,
  docNo: (n: number, year: string) => string,
): CreditRecord[] {
  return specs.map((s, i) => {
    const date = daysAgo(now, s.daysAgo)
    return {
      _id: `${subject._id.replace(/^cs-/, 'cr-')}-${String(i + 1).padStart(2, '0')}`,
      subjectId: subject._id,
      subjectType: subject.type,
      kind: s.kind,
      title: s.title,
      facts: s.facts,
      date,
      authority: s.authority,
      docNo: docNo(i, date.slice(0, 4)),
      ...(s.kind === 'bad'
        ? {
            penalty: s.penalty ?? '通报批评',
            showUntil: daysAgo(now, s.daysAgo - (s.showDays ?? 365)),
          }
        : {}),
    }
  })
}

const good = (title: string, facts: string, authority: string, days: number): RecordSpec => ({
  kind: 'good',
  title,
  facts,
  authority,
  daysAgo: days,
})
const bad = (
  title: string,
  facts: string,
  authority: string,
  days: number,
  penalty: string,
  showDays = 730,
): RecordSpec => ({ kind: 'bad', title, facts, authority, daysAgo: days, penalty, showDays })

function companyBad(i: number, authority: string, days: number, showDays: number): RecordSpec {
  const [title, facts, penalty] = COMPANY_BAD[i]
  return bad(title, facts, authority, days, penalty, showDays)
}

function person(
  r: Random,
  s: Omit<CreditSubject, 'idNo' | 'phone'> & { phone?: string; idNo?: string },
): CreditSubject {
  // Drawn even when given (a demo person's own number): the rest of the data stays as it was.
  const drawn = idNo(r, birthDate(r))
  return { ...s, idNo: s.idNo ?? drawn, phone: s.phone ?? mobile(r) }
}

/** A member of 阳光花园's committee (a demo person: the name and phone one can sign in with), this term. */
function ygCommittee(r: Random, type: 'director' | 'secretary', post: string): CreditSubject {
  const { name, phone, room } = YG_COMMITTEE_PEOPLE[type]
  return person(r, {
    _id: `cs-yg-${type}`,
    type,
    name,
    phone,
    projectIds: ['p-yangguang'],
    post,
    room,
    termFrom: '2023-07-01',
    termTo: '2028-06-30',
  })
}

/** Days back of the record dates, spread over six years. */
function spread(r: Random, n: number, span = 2000): number[] {
  return Array.from({ length: n }, () => r.int(15, span)).sort((a, b) => a - b)
}

export function creditData(now: number): { subjects: CreditSubject[]; records: CreditRecord[] } {
  const r = random(20_261_201)
  const subjects: CreditSubject[] = []
  const records: CreditRecord[] = []
  const doc = (prefix: string) => (n: number, year: string) =>
    `${prefix}〔${year}〕${100 + n * 7}号`
  const add = (s: CreditSubject, specs: RecordSpec[], prefix: string) => {
    subjects.push(s)
    records.push(...recordsOf(s, specs, now, doc(prefix)))
  }

  // 阳光花园 ----------------------------------------------------------------------------------
  const [anju, pengcheng] = COMPANIES
  const companyDays = spread(r, 26)
  add(
    {
      _id: 'cs-yg-company',
      type: 'company',
      name: anju.name,
      projectIds: ['p-yangguang'],
      uscc: anju.uscc,
      legalPerson: anju.legalPerson,
      grade: anju.creditGrade,
      address: anju.address,
    },
    [
      // Ends five days from now (the tests move the clock past it).
      companyBad(1, YH, 360, 365),
      ...companyDays.slice(1).map((days, i) => {
        if (i % 3 === 2) {
          const [title, facts, penalty] = COMPANY_BAD[((i / 3) % COMPANY_BAD.length) | 0]
          // Alternately still shown and already past their period.
          return bad(title, facts, i % 2 ? NS_JS : YH, days, penalty, i % 2 ? 1095 : 365)
        }
        const [title, facts] = COMPANY_GOOD[i % COMPANY_GOOD.length]
        return good(title, facts, i % 4 === 0 ? SZ_JS : NS_JS, days)
      }),
    ],
    '深南建物',
  )
  add(
    person(r, {
      _id: 'cs-yg-manager',
      type: 'manager',
      ...DEMO_PEOPLE.zhang,
      projectIds: ['p-yangguang'],
      post: '项目经理',
      certificate: '物业管理师',
      termFrom: '2017-01-01',
    }),
    [
      good('优秀项目经理', '带领项目团队获评年度物业管理优秀项目。', NS_JS, 620),
      good('安全生产先进个人', '组织完成年度消防安全隐患排查整改。', YH, 410),
      good('物业管理行业技能竞赛三等奖', '参加深圳市物业管理行业职业技能竞赛。', SZ_JS, 980),
      good('防汛防台先进个人', '台风“苏拉”期间24小时值守，组织排涝。', YH, 160),
      bad('未按时完成安全检查', '2025年下半年在线常规检查逾期提交。', NS_JS, 300, '通报批评', 730),
      bad('未按规定参加安全培训', '未参加年度物业项目负责人安全培训。', NS_JS, 1500, '约谈', 365),
    ],
    '深南建物',
  )
  add(
    ygCommittee(r, 'director', '第二届业主委员会主任'),
    [
      good('优秀业主委员会主任', '推动完成电梯更换等多项民生工程。', YH, 200),
      good('共有资金管理规范', '按季度公示共有资金收支，接受业主监督。', YH, 540),
      good('业主大会组织规范', '依法组织业主共同决定事项电子投票。', NS_JS, 720),
      bad('未按规定召开业主大会', '年度业主大会会议延期召开超过3个月。', YH, 900, '责令改正', 365),
    ],
    '粤海街道',
  )
  add(
    ygCommittee(r, 'secretary', '业主委员会执行秘书'),
    [
      good('档案管理规范', '业主大会、业委会会议记录及档案完整规范。', YH, 150),
      good('优秀执行秘书', '协助业委会完成共有资金年度审计及公示。', YH, 480),
    ],
    '粤海街道',
  )
  add(
    {
      _id: 'cs-yg-supervisor',
      type: 'supervisor',
      name: '阳光花园业主监事会',
      projectIds: ['p-yangguang'],
      post: '业主监事会',
      termFrom: '2023-07-01',
      termTo: '2028-06-30',
      members: [personName(r), personName(r), personName(r)],
    },
    [
      good('监督共有资金使用', '对年度公共收益使用开展专项监督并出具报告。', YH, 260),
      bad('未按期提交监督报告', '年度监督报告逾期提交。', YH, 1200, '提醒谈话', 365),
    ],
    '粤海街道',
  )
  for (let i = 0; i < 28; i++) {
    const n = r.int(1, 2)
    const specs: RecordSpec[] = spread(r, n, 1400).map((days, k) => {
      if ((i + k) % 3 === 0) {
        const [title, facts] = OWNER_GOOD[(i + k) % OWNER_GOOD.length]
        return good(title, facts, YH, days)
      }
      const [title, facts] = OWNER_BAD[(i + k) % OWNER_BAD.length]
      return bad(title, facts, i % 4 === 0 ? NS_JS : YH, days, r.pick(['通报批评', '责令改正']))
    })
    add(
      person(r, {
        _id: `cs-yg-owner-${String(i + 1).padStart(2, '0')}`,
        type: 'owner',
        name: personName(r),
        projectIds: ['p-yangguang'],
        post: '业主',
        room: `${r.int(1, 12)}栋${r.int(1, 2)}单元${r.int(2, 32)}0${r.int(1, 4)}`,
      }),
      specs,
      '粤海街道',
    )
  }

  // 海滨广场 ----------------------------------------------------------------------------------
  add(
    {
      _id: 'cs-hb-company',
      type: 'company',
      name: pengcheng.name,
      projectIds: ['p-haibin'],
      uscc: pengcheng.uscc,
      legalPerson: pengcheng.legalPerson,
      grade: pengcheng.creditGrade,
      address: pengcheng.address,
    },
    [
      good('物业服务质量评价良好', '年度物业服务质量第三方评价得分88.5分。', FT_JS, 300),
      companyBad(3, ST, 120, 730),
      companyBad(5, FT_JS, 200, 730),
    ],
    '深福建物',
  )
  add(
    person(r, {
      _id: 'cs-hb-manager',
      type: 'manager',
      ...DEMO_PEOPLE.chen,
      projectIds: ['p-haibin'],
      post: '项目经理',
      certificate: '物业管理师',
      termFrom: '2019-10-01',
    }),
    [good('安全生产先进个人', '组织完成高层建筑消防设施全面检测。', ST, 240)],
    '沙头街道',
  )
  add(
    person(r, {
      _id: 'cs-hb-director',
      type: 'director',
      name: HB_DIRECTOR.name,
      phone: HB_DIRECTOR.phone,
      projectIds: ['p-haibin'],
      post: '第一届业主委员会主任',
      room: HB_DIRECTOR.room,
    }),
    [],
    '沙头街道',
  )
  for (let i = 0; i < 3; i++) {
    const [title, facts] = OWNER_BAD[i]
    add(
      person(r, {
        _id: `cs-hb-owner-${String(i + 1).padStart(2, '0')}`,
        type: 'owner',
        name: personName(r),
        projectIds: ['p-haibin'],
        post: '业主',
        room: `${'ABC'[i]}座${r.int(8, 30)}0${r.int(1, 8)}`,
      }),
      [bad(title, facts, ST, r.int(30, 300), '责令改正')],
      '沙头街道',
    )
  }
  return { subjects, records }
}

export function creditSeed(now: number) {
  const { subjects, records } = creditData(now)
  return { docs: { credit_subjects: subjects, credit_records: records } }
}
