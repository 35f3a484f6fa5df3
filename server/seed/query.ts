import {
  FILING_KINDS,
  SHENZHEN_REGIONS,
  type District,
  type Filing,
  type FilingKind,
  type FilingStatus,
  type TrainingCourseResult,
  type TrainingResult,
} from '../../types/query'
import { DEMO_PEOPLE } from './people'

/**
 * Demo data of 信息综合查询: the city's property projects (real Shenzhen districts and 街道, estate
 * names of each district), their filings (备案) over the years, and the training results of the
 * property companies' staff. Deterministic: the same data on every machine. The evaluation seed
 * ranks the same projects (server/seed/evaluation.ts).
 */
const DAY = 86_400_000

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}
const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]

/** YYYY-MM-DD of an instant in China Standard Time. */
export function cstDate(at: number): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10)
}

export interface CityProject {
  _id: string
  name: string
  district: District
  street: string
  company: string
  /** Has an owners' committee (业主委员会). */
  committee: boolean
  /** When it was first filed (its 物业管理区域备案). */
  since: number
}

/** The demo projects of server/seed/index.ts, as the city lists them. */
const DEMO_PROJECTS: Omit<CityProject, 'since'>[] = [
  {
    _id: 'p-yangguang',
    name: '阳光花园',
    district: '南山区',
    street: '粤海街道',
    company: '深圳市安居物业管理有限公司',
    committee: true,
  },
  {
    _id: 'p-haibin',
    name: '海滨广场',
    district: '福田区',
    street: '沙头街道',
    company: '深圳市鹏城物业服务有限公司',
    committee: false,
  },
]

/** Residential estates of each district: [name, 街道]. */
// prettier-ignore
const ESTATES: Record<District, [string, string][]> = {
  南山区: [['华润城(一期)', '粤海街道'], ['华润城(二期)', '粤海街道'], ['深圳湾1号', '粤海街道'], ['海怡东方花园', '粤海街道'], ['蔚蓝海岸', '蛇口街道'], ['海月花园', '蛇口街道'], ['兰溪谷', '招商街道'], ['招商桃花园', '招商街道'], ['鲸山觐海', '招商街道'], ['桃源村', '桃源街道'], ['龙联花园', '桃源街道'], ['星海名城', '南头街道'], ['中山颐景花园', '南头街道'], ['阳光棕榈园', '南山街道'], ['荔林春晓', '南山街道'], ['南海玫瑰园', '南山街道'], ['波托菲诺天鹅堡', '沙河街道'], ['锦绣花园', '沙河街道'], ['世纪村', '沙河街道'], ['留仙居', '西丽街道'], ['西丽山庄', '西丽街道']],
  福田区: [['香蜜湖1号', '香蜜湖街道'], ['东海花园', '香蜜湖街道'], ['碧海云天', '沙头街道'], ['新洲花园', '沙头街道'], ['金地花园', '沙头街道'], ['天安高尔夫花园', '沙头街道'], ['万科金域蓝湾', '沙头街道'], ['梅林一村', '梅林街道'], ['城市山林', '梅林街道'], ['益田村', '福保街道'], ['中海华庭', '福保街道'], ['彩田村', '莲花街道'], ['景田小区', '莲花街道'], ['华富村', '华富街道'], ['园岭新村', '园岭街道'], ['百花园', '园岭街道'], ['港丽豪园', '福田街道'], ['黄埔雅苑', '福田街道'], ['南园新村', '南园街道'], ['华强花园', '华强北街道']],
  罗湖区: [['百仕达花园', '翠竹街道'], ['翠竹苑', '翠竹街道'], ['东湖丽苑', '东湖街道'], ['鹿丹村', '南湖街道'], ['嘉宾花园', '南湖街道'], ['怡景花园', '黄贝街道'], ['碧波花园', '黄贝街道'], ['布心花园', '东晓街道'], ['桂园新村', '桂园街道'], ['莲塘新村', '莲塘街道'], ['东门花园', '东门街道'], ['笋岗村小区', '笋岗街道'], ['清水河花园', '清水河街道']],
  盐田区: [['海涛花园', '海山街道'], ['倚山花园', '海山街道'], ['金海湾花园', '沙头角街道'], ['东和花园', '沙头角街道'], ['梅沙湾花园', '梅沙街道'], ['盐田港花园', '盐田街道']],
  宝安区: [['中洲华府', '新安街道'], ['壹方中心', '新安街道'], ['星港名城', '新安街道'], ['富盈门', '新安街道'], ['碧海花园', '西乡街道'], ['流塘新村', '西乡街道'], ['泰华梧桐岛', '航城街道'], ['福永花园', '福永街道'], ['凤凰岗花园', '福海街道'], ['万科翡丽郡', '沙井街道'], ['新桥花园', '新桥街道'], ['松岗花园', '松岗街道'], ['燕川花园', '燕罗街道'], ['石岩湖花园', '石岩街道']],
  龙岗区: [['万科城', '坂田街道'], ['佳兆业城市广场', '坂田街道'], ['中海怡翠山庄', '布吉街道'], ['可园', '布吉街道'], ['大运城邦', '龙城街道'], ['愉园新村', '龙城街道'], ['保利上城', '吉华街道'], ['丹竹头花园', '南湾街道'], ['平湖中心花园', '平湖街道'], ['六约新村', '横岗街道'], ['园山花园', '园山街道'], ['龙岗花园', '龙岗街道'], ['宝龙花园', '宝龙街道'], ['坪地花园', '坪地街道']],
  龙华区: [['金地梅陇镇', '民治街道'], ['星河丹堤', '民治街道'], ['锦绣江南', '民治街道'], ['潜龙花园', '民治街道'], ['世纪春城', '龙华街道'], ['东方明珠花园', '龙华街道'], ['观澜湖花园', '观澜街道'], ['大浪花园', '大浪街道'], ['观湖花园', '观湖街道'], ['福城花园', '福城街道']],
  坪山区: [['六和城', '坪山街道'], ['马峦山花园', '马峦街道'], ['碧岭花园', '碧岭街道'], ['石井花园', '石井街道'], ['坑梓花园', '坑梓街道'], ['龙田花园', '龙田街道']],
  光明区: [['光明城花园', '光明街道'], ['公明花园', '公明街道'], ['新湖花园', '新湖街道'], ['凤凰城花园', '凤凰街道'], ['玉塘花园', '玉塘街道'], ['马田花园', '马田街道']],
  大鹏新区: [['葵涌花园', '葵涌街道'], ['大鹏所城花园', '大鹏街道'], ['南澳海景花园', '南澳街道']],
}

/** Property companies serving the city's projects (the demo projects' two among them). */
export const COMPANIES = [
  '深圳市安居物业管理有限公司',
  '深圳市鹏城物业服务有限公司',
  '深圳市莲花物业管理有限公司',
  '深圳市福田物业发展有限公司',
  '深圳市南山物业服务有限公司',
  '深圳市前海湾物业管理有限公司',
  '深圳市梅林物业服务有限公司',
  '深圳市东湖物业管理有限公司',
  '深圳市宝安城建物业管理有限公司',
  '深圳市龙城物业服务有限公司',
  '深圳市民治物业管理有限公司',
  '深圳市盐田港物业服务有限公司',
  '深圳市坪山城投物业管理有限公司',
  '深圳市光明物业服务有限公司',
  '深圳市大鹏物业管理有限公司',
] as const

const PHASES = ['', '二期', '三期']

/** Every project of the city in the demo: about three per estate, the demo two included. */
export function cityProjects(now: number): CityProject[] {
  const random = rng(20261201)
  const out: CityProject[] = DEMO_PROJECTS.map((p) => ({ ...p, since: now - 9 * 365 * DAY }))
  let n = 0
  for (const district of Object.keys(ESTATES) as District[]) {
    for (const [estate, street] of ESTATES[district]) {
      if (!(SHENZHEN_REGIONS[district] as readonly string[]).includes(street)) {
        throw new Error(`seed: ${street} is not in ${district}`)
      }
      const phases = estate.includes('(') ? 1 : 1 + Math.floor(random() * 3)
      for (const phase of PHASES.slice(0, phases)) {
        n++
        // The two big companies serve many projects; the rest share the others.
        const r = random()
        const company = r < 0.12 ? COMPANIES[0] : r < 0.2 ? COMPANIES[1] : pick(random, COMPANIES)
        out.push({
          _id: `p-city-${String(n).padStart(3, '0')}`,
          name: `${estate}${phase}`,
          district,
          street,
          company,
          committee: random() < 0.45,
          since: now - Math.floor((1 + random() * 14) * 365 * DAY),
        })
      }
    }
  }
  return out
}

// ---- filings ----------------------------------------------------------------------------------

// prettier-ignore
const DISTRICT_CODES: Record<District, string> = {
  福田区: 'FT', 罗湖区: 'LH', 南山区: 'NS', 盐田区: 'YT', 宝安区: 'BA',
  龙岗区: 'LG', 龙华区: 'LX', 坪山区: 'PS', 光明区: 'GM', 大鹏新区: 'DP',
}
// prettier-ignore
const KIND_CODES: Record<FilingKind, string> = {
  area: 'QY', project: 'XM', assembly: 'DH', committee: 'WH', committeeChange: 'BG',
  earlyContract: 'QQ', contract: 'HT', handover: 'CY',
}
const ORDINALS = ['一', '二', '三', '四', '五']

function filing(
  p: CityProject,
  kind: FilingKind,
  seq: number,
  at: number,
  name: string,
  status: FilingStatus = 'filed',
): Filing {
  const filedAt = cstDate(at)
  const filingNo = `SZ${DISTRICT_CODES[p.district]}${KIND_CODES[kind]}${filedAt.slice(0, 4)}${String(seq).padStart(6, '0')}`
  const committeeOnly = kind === 'assembly' || kind === 'committee' || kind === 'committeeChange'
  return {
    _id: `fl-${filingNo}`,
    filingNo,
    name,
    kind,
    public: FILING_KINDS[kind].public,
    projectId: p._id,
    projectName: p.name,
    district: p.district,
    street: p.street,
    company: committeeOnly ? '' : p.company,
    filedAt,
    status,
    order: `${filedAt}|${filingNo}`,
  }
}

/** One project's filings, from its first 区域 filing to its latest contract. */
function projectFilings(p: CityProject, now: number, random: () => number, next: () => number) {
  const span = now - p.since
  const at = (share: number) => Math.min(now - DAY, p.since + Math.floor(span * share))
  const out = [
    filing(p, 'area', next(), p.since, `${p.name}物业管理区域备案`),
    filing(p, 'project', next(), at(0.02), `${p.name}物业服务项目备案`),
  ]
  const early = random() < 0.7
  const contract = random() < 0.75
  if (early) {
    const status = contract ? 'changed' : 'filed'
    out.push(filing(p, 'earlyContract', next(), at(0.03), `${p.name}前期物业服务合同备案`, status))
  }
  if (random() < 0.55)
    out.push(filing(p, 'handover', next(), at(0.05), `${p.name}物业承接查验备案`))
  if (p.committee) {
    out.push(filing(p, 'assembly', next(), at(0.3), `${p.name}业主大会成立备案`))
    const terms = 1 + Math.floor(span / (5 * 365 * DAY))
    for (let t = 0; t < Math.min(terms, ORDINALS.length); t++) {
      const share = 0.3 + (0.7 * t) / terms
      const status = t < terms - 1 ? 'changed' : 'filed'
      const name = `${p.name}第${ORDINALS[t]}届业主委员会备案`
      out.push(filing(p, 'committee', next(), at(share + 0.01), name, status))
    }
    if (random() < 0.3) {
      out.push(filing(p, 'committeeChange', next(), at(0.95), `${p.name}业主委员会委员变更备案`))
    }
  }
  if (contract) {
    const when = at(0.6 + random() * 0.35)
    const from = Number(cstDate(when).slice(0, 4))
    const name = `${p.name}物业服务合同备案（${from}—${from + 3}年）`
    out.push(filing(p, 'contract', next(), when, name, random() < 0.04 ? 'revoked' : 'filed'))
  }
  return out
}

export function cityFilings(now: number, projects = cityProjects(now)): Filing[] {
  const random = rng(9)
  let seq = 0
  const next = () => ++seq
  return projects.flatMap((p) => projectFilings(p, now, random, next))
}

/**
 * `count` filings over `projects` (repeating them), for the bench: the same shapes as the demo's,
 * numbered on from 1 so that filing numbers stay unique.
 */
export function manyFilings(count: number, now: number): Filing[] {
  const projects = cityProjects(now)
  const random = rng(4242)
  const out: Filing[] = []
  let seq = 0
  const next = () => ++seq
  for (let round = 0; out.length < count; round++) {
    for (const p of projects) {
      const copy = round === 0 ? p : { ...p, name: `${p.name}${round + 1}号区` }
      out.push(...projectFilings(copy, now, random, next))
      if (out.length >= count) break
    }
  }
  return out.slice(0, count)
}

// ---- training results -------------------------------------------------------------------------

// prettier-ignore
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟谭陆汪范金廖贾夏韦方邹熊邱江薛雷侯龙黎贺顾龚邵严覃戴莫'
// prettier-ignore
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建华', '志强', '海燕', '晓东', '文', '斌', '婷', '雪梅', '浩', '宇', '欣怡', '鹏', '辉', '俊杰', '嘉豪', '梓涵', '晨曦', '子轩', '玉兰', '国强', '春梅', '小龙', '家明', '丽华', '振华', '永强', '少华', '金凤']
/** Where staff were born: Shenzhen's districts and the provinces many come from. */
// prettier-ignore
const AREA_CODES = ['440303', '440304', '440305', '440306', '440307', '440308', '440309', '440310', '440311', '445221', '441481', '440582', '431024', '360732', '450881', '430524', '421127', '512501']
// prettier-ignore
const POSITIONS = ['项目经理', '项目负责人', '客服主管', '客服专员', '工程主管', '维修电工', '秩序维护主管', '秩序维护员', '消防控制室值班员', '保洁主管', '绿化主管', '电梯安全管理员']
/** [title, 学时, has an exam]. */
// prettier-ignore
const COURSES: [string, number, boolean][] = [
  ['《深圳经济特区物业管理条例》解读', 8, true],
  ['物业服务区域消防安全管理', 6, true],
  ['电梯使用安全管理', 4, true],
  ['二次供水设施卫生管理', 4, false],
  ['有限空间作业安全', 4, true],
  ['防汛防台风应急处置', 4, false],
  ['物业服务礼仪与投诉处理', 4, false],
  ['生活垃圾分类管理实务', 2, false],
  ['业主共有资金管理与公开', 4, true],
  ['安全生产责任制与隐患排查', 6, true],
]
const ISSUER = '深圳市物业管理行业协会'

/** A valid 18-digit 身份证号码 (GB 11643 check digit). */
export function idNumber(area: string, birth: string, seq: number): string {
  const body = `${area}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

function person(random: () => number) {
  const name = pick(random, [...SURNAMES]) + pick(random, GIVEN)
  const born = Date.UTC(1965, 0, 1) + Math.floor(random() * 35 * 365) * DAY
  const birth = new Date(born).toISOString().slice(0, 10)
  return { name, idNo: idNumber(pick(random, AREA_CODES), birth, Math.floor(random() * 999)) }
}

/** One round of courses from `startAt`; `passed`: finished, every course passed. */
function trainingRound(
  random: () => number,
  now: number,
  startAt: number,
  passed = false,
): Pick<TrainingResult, 'startDate' | 'endDate' | 'courses' | 'totalHours' | 'result'> {
  const taken = [...COURSES].sort(() => random() - 0.5).slice(0, 3 + Math.floor(random() * 3))
  const finished = passed || startAt < now - 45 * DAY || random() < 0.5
  const courses: TrainingCourseResult[] = taken.map(([title, hours, exam], i) => {
    const done = finished || i < taken.length - 1 - Math.floor(random() * 2)
    const lowest = passed ? 70 : 55
    const score = exam && done ? Math.round(lowest + random() * (100 - lowest)) : null
    const finishedAt = done ? cstDate(Math.min(now, startAt + (i + 1) * 5 * DAY)) : null
    return { title, hours, score, passed: done && (score === null || score >= 60), finishedAt }
  })
  const allDone = courses.every((c) => c.finishedAt)
  return {
    startDate: cstDate(startAt),
    endDate: allDone ? courses[courses.length - 1].finishedAt! : null,
    courses,
    totalHours: courses.filter((c) => c.passed).reduce((s, c) => s + c.hours, 0),
    result: !allDone ? 'inProgress' : courses.every((c) => c.passed) ? 'passed' : 'failed',
  }
}

/** About four hundred results of the companies' staff, the demo users' own among them. */
export function trainingResults(now: number, projects = cityProjects(now)): TrainingResult[] {
  const random = rng(77)
  const out: TrainingResult[] = []
  const byCompany = new Map<string, CityProject[]>()
  for (const p of projects) byCompany.set(p.company, [...(byCompany.get(p.company) ?? []), p])
  let n = 0
  const add = (
    p: CityProject,
    who: { name: string; idNo: string | null },
    extra: Partial<TrainingResult> = {},
  ) => {
    n++
    const demo = !!extra.accountId
    const startAt = now - (demo ? 120 : Math.floor(random() * 3 * 365)) * DAY - DAY
    const round = trainingRound(random, now, startAt, demo)
    const certNo = `SZWX${round.startDate.slice(0, 4)}${String(n).padStart(6, '0')}`
    out.push({
      _id: `tr-${String(n).padStart(4, '0')}`,
      name: who.name,
      idNo: who.idNo,
      accountId: null,
      position: pick(random, POSITIONS),
      projectId: p._id,
      projectName: p.name,
      company: p.company,
      ...round,
      certificate:
        round.result === 'passed'
          ? {
              no: certNo,
              issuer: ISSUER,
              issuedAt: round.endDate!,
              validUntil: `${Number(round.endDate!.slice(0, 4)) + 3}${round.endDate!.slice(4)}`,
            }
          : null,
      updatedAt: now - DAY,
      ...extra,
    })
  }
  for (const [company, served] of byCompany) {
    const staff = company === COMPANIES[0] ? 150 : company === COMPANIES[1] ? 90 : 18
    for (let i = 0; i < staff; i++) add(pick(random, served), person(random))
  }
  // The demo manager and handler of 阳光花园 passed theirs (one known ID for the tests).
  const yangguang = projects.find((p) => p._id === 'p-yangguang')!
  add(
    yangguang,
    { name: DEMO_PEOPLE.zhang.name, idNo: DEMO_PEOPLE.zhang.idNo },
    { accountId: 'a-zhang', position: '项目负责人' },
  )
  add(
    yangguang,
    { name: DEMO_PEOPLE.li.name, idNo: DEMO_PEOPLE.li.idNo },
    { accountId: 'a-li', position: '客服主管' },
  )
  return out
}

export function querySeed(now: number) {
  const projects = cityProjects(now)
  return {
    docs: {
      filings: cityFilings(now, projects),
      training_results: trainingResults(now, projects),
    },
  }
}
