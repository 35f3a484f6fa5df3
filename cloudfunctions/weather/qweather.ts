import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { gunzipSync } from 'node:zlib'
import {
  DEFAULT_GUIDANCE,
  GUIDANCE,
  type DailyForecast,
  type Place,
  type SignalColour,
  type Warning,
  type WeatherNow,
} from '../../types/weather'

/**
 * The QWeather (和风天气) provider adapter. Each account has its own API host
 * (QWEATHER_HOST, e.g. https://abc123.qweatherapi.com) and key (QWEATHER_KEY, sent as the
 * X-QW-Api-Key header), both from the function's environment, never from the repo. Answers are
 * gzipped. The v7 and GeoAPI endpoints answer HTTP 200 with a body `code` ("200" ok, "204" no
 * data, "401"/"402"/"403"/"429" …); the weather-alert endpoint answers HTTP errors with an
 * `application/problem+json` body. Locally the same API is served by server/qweather-standin.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ProviderError'
  }
}

const TIMEOUT_MS = 2500

function config(): { host: string; key: string } {
  const host = process.env.QWEATHER_HOST
  const key = process.env.QWEATHER_KEY
  if (!host || !key) throw new ProviderError('config', 'QWEATHER_HOST / QWEATHER_KEY not set')
  return { host: host.replace(/\/+$/, ''), key }
}

function get(path: string): Promise<{ status: number; body: unknown }> {
  const { host, key } = config()
  const url = new URL(path, `${host}/`)
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { 'X-QW-Api-Key': key, 'Accept-Encoding': 'gzip' }, timeout: TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            let raw = Buffer.concat(chunks)
            if (res.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw)
            const text = raw.toString('utf8')
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null })
          } catch (err) {
            reject(new ProviderError('format', `unreadable answer: ${(err as Error).message}`))
          }
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new ProviderError('timeout', 'provider timed out')))
    req.on('error', (err) =>
      reject(err instanceof ProviderError ? err : new ProviderError('network', err.message)),
    )
    req.end()
  })
}

/** A v7 / GeoAPI answer: its body code decides. */
async function v7<T>(path: string): Promise<T> {
  const { status, body } = await get(path)
  const code = (body as { code?: string } | null)?.code
  if (status !== 200 || code !== '200') {
    throw new ProviderError(code ?? String(status), `provider answered ${code ?? status}`)
  }
  return body as T
}

interface GeoAnswer {
  location?: { name: string; id: string; lat: string; lon: string; adm2: string; adm1: string }[]
}

/** Places in Shenzhen matching `keyword` (districts, towns the provider knows). */
export async function lookup(keyword: string): Promise<Place[]> {
  const q = new URLSearchParams({ location: keyword, adm: '深圳', range: 'cn', number: '10' })
  let answer: GeoAnswer
  try {
    answer = await v7<GeoAnswer>(`/geo/v2/city/lookup?${q}`)
  } catch (err) {
    // No match is an answer, not a failure.
    if (err instanceof ProviderError && (err.code === '404' || err.code === '204')) return []
    throw err
  }
  return (answer.location ?? [])
    .filter((l) => l.adm2 === '深圳' || l.adm1 === '广东省')
    .map((l) => ({
      _id: `qw-${l.id}`,
      name: l.name,
      district: l.name.endsWith('区') ? l.name : `${l.name}区`,
      locationId: l.id,
      lat: Number(l.lat),
      lon: Number(l.lon),
    }))
}

const at = (p: Place) => p.locationId ?? `${p.lon.toFixed(2)},${p.lat.toFixed(2)}`

export async function now(place: Place): Promise<WeatherNow> {
  const answer = await v7<{ now: WeatherNow & Record<string, string> }>(
    `/v7/weather/now?location=${encodeURIComponent(at(place))}`,
  )
  const { obsTime, temp, feelsLike, text, icon, windDir, windScale, humidity, precip } = answer.now
  return { obsTime, temp, feelsLike, text, icon, windDir, windScale, humidity, precip }
}

export async function daily(place: Place): Promise<DailyForecast[]> {
  const answer = await v7<{ daily: (DailyForecast & { fxDate: string })[] }>(
    `/v7/weather/7d?location=${encodeURIComponent(at(place))}`,
  )
  return answer.daily.map((d) => ({
    date: d.fxDate,
    tempMax: d.tempMax,
    tempMin: d.tempMin,
    textDay: d.textDay,
    textNight: d.textNight,
    iconDay: d.iconDay,
    windDirDay: d.windDirDay,
    windScaleDay: d.windScaleDay,
    precip: d.precip,
    uvIndex: d.uvIndex,
  }))
}

interface Alert {
  id: string
  senderName?: string
  issuedTime: string
  expireTime?: string
  eventType: { name: string; code: string }
  color: { code: string }
  headline: string
  description: string
}

const COLOURS: Record<string, SignalColour> = {
  white: '白',
  blue: '蓝',
  yellow: '黄',
  orange: '橙',
  red: '红',
}
const SEVERITY: SignalColour[] = ['白', '蓝', '黄', '橙', '红']

/** Signals in force at the place, most severe first. */
export async function warnings(place: Place): Promise<Warning[]> {
  const { status, body } = await get(
    `/weatheralert/v1/current/${place.lat.toFixed(2)}/${place.lon.toFixed(2)}?localTime=true&lang=zh`,
  )
  if (status !== 200) {
    const problem = (body as { error?: { status?: number; title?: string } } | null)?.error
    throw new ProviderError(String(problem?.status ?? status), problem?.title ?? 'alert failed')
  }
  const answer = body as { metadata?: { zeroResult?: boolean }; alerts?: Alert[] }
  if (answer.metadata?.zeroResult) return []
  return (answer.alerts ?? [])
    .map((a) => {
      const type = a.eventType.name.replace(/预警$/, '')
      return {
        id: a.id,
        type,
        colour: COLOURS[a.color.code] ?? '黄',
        headline: a.headline,
        description: a.description,
        issuer: a.senderName ?? '',
        issuedAt: Date.parse(a.issuedTime),
        ...(a.expireTime ? { expiresAt: Date.parse(a.expireTime) } : {}),
        guidance: GUIDANCE[type] ?? DEFAULT_GUIDANCE,
      }
    })
    .sort((x, y) => SEVERITY.indexOf(y.colour) - SEVERITY.indexOf(x.colour))
}
