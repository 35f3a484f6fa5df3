import { z } from 'zod'
import { index } from './collections'
import { actionsFor, defineContract, member, returns } from './contract'
import { docId, shortText } from './fields'

/**
 * 小区气象公告栏 (manual §15): pick a place (a 小区, a 街道, an address), see the warning signals in
 * force first — property staff act on them — then the weather now and for 7 days. Weather comes
 * from QWeather (和风天气) through the weather function, cached in the database so a view does
 * not cost a provider call.
 */
export interface Place {
  /** `wp-<projectId>` for a project's 小区, `qw-<locationId>` for a place the provider found. */
  _id: string
  name: string
  district: string
  street?: string
  address?: string
  /** QWeather LocationID (districts) or coordinates: what the provider is asked with. */
  locationId?: string
  lat: number
  lon: number
}

export const projectPlaceId = (projectId: string) => `wp-${projectId}`

/** Shenzhen's warning signals and their colours (domain.md › Details). */
export const SIGNAL_COLOURS = ['白', '蓝', '黄', '橙', '红'] as const
export type SignalColour = (typeof SIGNAL_COLOURS)[number]

/** What property staff do for each signal, shown under it. */
export const GUIDANCE: Record<string, string> = {
  台风: '加固或收起高空广告牌、空调外机、花盆等易坠物；关闭园区花园及露天场所；地下车库备好挡水板、沙袋；安排人员24小时值守。',
  暴雨: '检查地下车库、配电房、电梯井排水及挡水设施；清理雨水篦子和排水沟；低洼处设置警示，必要时暂停车辆进出。',
  高温: '调整户外作业时间，做好防暑降温；巡查配电设施负荷，防范用电火灾；提醒老人儿童减少外出。',
  寒冷: '检查室外供水管道防冻保温；提醒业主注意取暖用电及燃气安全。',
  大雾: '在园区出入口及车库坡道设置警示，提醒车辆减速慢行。',
  灰霾: '减少户外清扫扬尘作业，提醒业主减少户外活动。',
  大风: '收起或加固易被吹落的物品，暂停高空作业；巡查树木和临时构筑物。',
  冰雹: '提醒业主将车辆停入车库，暂停户外活动，检查玻璃幕墙和采光顶。',
  雷电: '暂停户外及高空作业，检查防雷设施；提醒业主远离空旷场所和大树。',
  森林火险: '园区禁止用火，巡查绿化带及周边山林，备好消防器材。',
  干旱: '节约用水，调整绿化浇灌时间，检查二次供水设施。',
}
export const DEFAULT_GUIDANCE = '关注预警变化，做好值守与巡查，及时通知业主。'

export interface Warning {
  id: string
  type: string
  colour: SignalColour
  headline: string
  description: string
  issuer: string
  issuedAt: number
  expiresAt?: number
  guidance: string
}

export interface WeatherNow {
  obsTime: string
  temp: string
  feelsLike: string
  text: string
  icon: string
  windDir: string
  windScale: string
  humidity: string
  precip: string
}

export interface DailyForecast {
  date: string
  tempMax: string
  tempMin: string
  textDay: string
  textNight: string
  iconDay: string
  windDirDay: string
  windScaleDay: string
  precip: string
  uvIndex: string
}

export interface WeatherBoard {
  place: Place
  /** In force now, most severe first. */
  warnings: Warning[]
  now: WeatherNow | null
  daily: DailyForecast[]
  /** When the data was fetched from the provider (数据更新于 …). */
  updatedAt: number
  /**
   * Older than its time to live (10 minutes): the provider could not give a newer one, this is
   * its last answer, from `updatedAt`.
   */
  stale: boolean
  /**
   * The provider failed and is being spared: seconds until another try can bring newer data
   * (the page's 刷新 / 重试 waits that long).
   */
  retryAfterSec?: number
}

export const WeatherInput = {
  search: z.object({ projectId: docId.optional(), keyword: shortText(30, '关键词') }).strict(),
  /** Remembers the place for this person (确定选择). */
  choose: z.object({ projectId: docId.optional(), placeId: docId }).strict(),
  /** The board of a place, or of the remembered one (or the caller's project's) when omitted. */
  board: z.object({ projectId: docId.optional(), placeId: docId.optional() }).strict(),
}

const read = actionsFor(member('weather'))

export const WeatherContract = defineContract('weather', {
  search: read(WeatherInput.search, returns<Place[]>()),
  choose: read(WeatherInput.choose, returns<Place>()),
  board: read(WeatherInput.board, returns<WeatherBoard>()),
})

export const WEATHER_COLLECTIONS = {
  weather_places: [index({ district: 1 })],
  /** One document per place: the provider's last answers and who is refreshing them. */
  weather_cache: [],
  /** The place each person chose (`_id` = account). */
  weather_choices: [],
} as const
