import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

/**
 * A stand-in for QWeather (和风天气) on 127.0.0.1, speaking the parts of its HTTP API the weather
 * function uses (integrations.md › Weather): GeoAPI city lookup, v7 weather now and 7-day, and the
 * weather-alert API — same paths, parameters, key header, gzip, field names and string values,
 * and the same error answers (bad key, over quota, no data). Data for Shenzhen's districts,
 * deterministic per place and day. The local cloud starts it and points the function at it.
 *
 * Switches for tests and testers (`state`): a warning in force at a place, the quota exhausted,
 * the service down; `requests` counts the calls per path kind.
 */
export interface StandInWarning {
  /** `lat,lon` (two decimals), or '*' for everywhere. */
  at: string
  type: string
  colour: 'white' | 'blue' | 'yellow' | 'orange' | 'red'
}

export interface StandInState {
  /** The key it accepts (change it to see the function's key refused). */
  key: string
  warnings: StandInWarning[]
  overQuota: boolean
  down: boolean
}

export interface StandIn {
  readonly url: string
  readonly key: string
  readonly state: StandInState
  readonly requests: Record<'geo' | 'now' | 'daily' | 'alert', number>
  close(): Promise<void>
}

interface Location {
  name: string
  id: string
  lat: string
  lon: string
}

/** Shenzhen's districts as the GeoAPI names them. */
const LOCATIONS: Location[] = [
  { name: '深圳', id: '101280601', lat: '22.54', lon: '114.06' },
  { name: '罗湖', id: '101280602', lat: '22.55', lon: '114.13' },
  { name: '福田', id: '101280603', lat: '22.52', lon: '114.05' },
  { name: '南山', id: '101280604', lat: '22.53', lon: '113.93' },
  { name: '宝安', id: '101280605', lat: '22.55', lon: '113.88' },
  { name: '龙岗', id: '101280606', lat: '22.72', lon: '114.25' },
  { name: '盐田', id: '101280607', lat: '22.56', lon: '114.24' },
  { name: '龙华', id: '101280608', lat: '22.69', lon: '114.04' },
  { name: '坪山', id: '101280609', lat: '22.71', lon: '114.35' },
  { name: '光明', id: '101280610', lat: '22.75', lon: '113.94' },
  { name: '大鹏新区', id: '101280611', lat: '22.59', lon: '114.48' },
]

const TEXTS = [
  ['100', '晴'],
  ['101', '多云'],
  ['104', '阴'],
  ['305', '小雨'],
  ['306', '中雨'],
]
const WINDS = ['东北风', '东风', '东南风', '北风', '南风']
const EVENT_CODES: Record<string, string> = {
  台风: '1001',
  暴雨: '1003',
  高温: '1009',
  大风: '1006',
}

/** A stable number in [0, 1) for a place and a day. */
function noise(...parts: string[]): number {
  const h = createHash('sha256').update(parts.join('|')).digest()
  return h.readUInt32BE(0) / 2 ** 32
}

function cstDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}
function cstTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 16)}+08:00`
}

function at(location: string): { key: string; lat: number; lon: number } | null {
  const byId = LOCATIONS.find((l) => l.id === location)
  if (byId) return { key: byId.id, lat: Number(byId.lat), lon: Number(byId.lon) }
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(location)
  if (!m) return null
  return {
    key: `${Number(m[1]).toFixed(2)},${Number(m[2]).toFixed(2)}`,
    lon: Number(m[1]),
    lat: Number(m[2]),
  }
}

function day(key: string, ms: number) {
  const r = noise(key, cstDate(ms))
  const [iconDay, textDay] = TEXTS[Math.floor(r * TEXTS.length)]
  const [, textNight] = TEXTS[Math.floor(noise(key, cstDate(ms), 'n') * 3)]
  const month = new Date(ms).getUTCMonth()
  const base = 22 + 7 * Math.sin(((month - 3) / 12) * 2 * Math.PI)
  const tempMax = Math.round(base + 3 + r * 4)
  return {
    fxDate: cstDate(ms),
    sunrise: '06:52',
    sunset: '17:43',
    tempMax: String(tempMax),
    tempMin: String(tempMax - 6 - Math.round(r * 3)),
    iconDay,
    textDay,
    iconNight: '150',
    textNight,
    wind360Day: String(Math.round(r * 360)),
    windDirDay: WINDS[Math.floor(r * WINDS.length)],
    windScaleDay: '1-3',
    windSpeedDay: String(6 + Math.round(r * 10)),
    humidity: String(55 + Math.round(r * 30)),
    precip: iconDay >= '300' ? (r * 10).toFixed(1) : '0.0',
    pressure: '1016',
    vis: '25',
    cloud: String(Math.round(r * 80)),
    uvIndex: String(2 + Math.round(r * 6)),
  }
}

const REFER = { sources: ['QWeather (stand-in)'], license: ['QWeather Developers License'] }

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json',
) {
  const text = Buffer.from(JSON.stringify(body))
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  const bytes = gzip ? gzipSync(text) : text
  res.writeHead(status, {
    'content-type': type,
    'content-length': bytes.length,
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  })
  res.end(bytes)
}

function problem(req: IncomingMessage, res: ServerResponse, status: number, title: string) {
  send(
    req,
    res,
    status,
    {
      error: {
        status,
        type: `https://dev.qweather.com/docs/resource/error-code/#${status}`,
        title,
        detail: title,
      },
    },
    'application/problem+json',
  )
}

export async function startQWeatherStandIn(
  options: { key?: string; port?: number; now?: () => number } = {},
): Promise<StandIn> {
  const { key = 'local-qweather-key', port = 0, now = Date.now } = options
  const state: StandInState = { key, warnings: [], overQuota: false, down: false }
  const requests = { geo: 0, now: 0, daily: 0, alert: 0 }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin')
    const path = url.pathname
    const kind = path.startsWith('/geo/')
      ? 'geo'
      : path.startsWith('/weatheralert/')
        ? 'alert'
        : path.endsWith('/now')
          ? 'now'
          : 'daily'
    requests[kind]++
    if (state.down) {
      res.destroy()
      return
    }
    const v7Code = (code: string) => send(req, res, 200, { code })
    const authorized = req.headers['x-qw-api-key'] === state.key
    if (kind === 'alert') {
      if (!authorized) return problem(req, res, 401, 'Unauthorized')
      if (state.overQuota) return problem(req, res, 429, 'Too Many Requests')
      const m = /^\/weatheralert\/v1\/current\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(path)
      if (!m) return problem(req, res, 400, 'Bad Request')
      const spot = `${Number(m[1]).toFixed(2)},${Number(m[2]).toFixed(2)}`
      const active = state.warnings.filter((w) => w.at === '*' || w.at === spot)
      const issued = now() - 3600_000
      return send(req, res, 200, {
        metadata: {
          tag: createHash('md5').update(spot).digest('hex'),
          zeroResult: active.length === 0,
          attributions: ['深圳市气象台'],
        },
        alerts: active.map((w, i) => ({
          id: `standin-${spot}-${i}`,
          senderName: '深圳市气象台',
          issuedTime: cstTime(issued),
          messageType: { code: 'alert', supersedes: [] },
          eventType: { name: `${w.type}预警`, code: EVENT_CODES[w.type] ?? '1099' },
          urgency: 'immediate',
          severity: w.colour === 'red' ? 'extreme' : w.colour === 'orange' ? 'severe' : 'moderate',
          certainty: 'likely',
          icon: '1003',
          color: { code: w.colour, red: 0, green: 0, blue: 0, alpha: 1 },
          effectiveTime: cstTime(issued),
          onsetTime: cstTime(issued),
          expireTime: cstTime(issued + 12 * 3600_000),
          headline: `深圳市气象台发布${w.type}${{ white: '白', blue: '蓝', yellow: '黄', orange: '橙', red: '红' }[w.colour]}色预警信号`,
          description: `预计未来数小时本市将出现${w.type}天气，请注意防范。`,
          instruction: '注意防范。',
        })),
      })
    }
    if (!authorized) return v7Code('401')
    if (state.overQuota) return v7Code('429')
    const location = url.searchParams.get('location') ?? ''
    if (kind === 'geo') {
      const q = location.replace(/区$/, '')
      const found = q ? LOCATIONS.filter((l) => l.name.includes(q) || l.id === location) : []
      if (found.length === 0) return v7Code('404')
      const number = Math.min(20, Number(url.searchParams.get('number') ?? 10) || 10)
      return send(req, res, 200, {
        code: '200',
        location: found.slice(0, number).map((l) => ({
          ...l,
          adm2: '深圳',
          adm1: '广东省',
          country: '中国',
          tz: 'Asia/Shanghai',
          utcOffset: '+08:00',
          isDst: '0',
          type: 'city',
          rank: '25',
          fxLink: `https://www.qweather.com/weather/${l.id}.html`,
        })),
        refer: REFER,
      })
    }
    const place = at(location)
    if (!place) return v7Code('400')
    if (kind === 'now') {
      const d = day(place.key, now())
      const hour = new Date(now() + 8 * 3600_000).getUTCHours()
      const temp = Math.round(
        Number(d.tempMin) +
          (Number(d.tempMax) - Number(d.tempMin)) *
            Math.sin((Math.max(0, hour - 6) / 18) * Math.PI),
      )
      return send(req, res, 200, {
        code: '200',
        updateTime: cstTime(now()),
        fxLink: `https://www.qweather.com/weather/${place.key}.html`,
        now: {
          obsTime: cstTime(now() - 600_000),
          temp: String(temp),
          feelsLike: String(temp + 1),
          icon: d.iconDay,
          text: d.textDay,
          wind360: d.wind360Day,
          windDir: d.windDirDay,
          windScale: '2',
          windSpeed: d.windSpeedDay,
          humidity: d.humidity,
          precip: d.precip,
          pressure: d.pressure,
          vis: d.vis,
          cloud: d.cloud,
          dew: String(temp - 6),
        },
        refer: REFER,
      })
    }
    if (path !== '/v7/weather/7d') return v7Code('404')
    return send(req, res, 200, {
      code: '200',
      updateTime: cstTime(now()),
      fxLink: `https://www.qweather.com/weather/${place.key}.html`,
      daily: Array.from({ length: 7 }, (_, i) => day(place.key, now() + i * 86_400_000)),
      refer: REFER,
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    key,
    state,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
