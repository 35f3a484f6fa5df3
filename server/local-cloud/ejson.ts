import { EJSON } from 'bson'
import { isPlainObject } from './values'

/**
 * The SDK sends queries, updates and documents as canonical EJSON strings and reads documents back
 * from (relaxed) EJSON strings (cloud-protocol.md §3). Internally documents hold plain JS values:
 * numbers, strings, Date, RegExp, Uint8Array.
 */
interface BsonLike {
  _bsontype?: string
  valueOf(): unknown
  toNumber?(): number
  toHexString?(): string
  toString(): string
  pattern?: string
  options?: string
  buffer?: Uint8Array
}

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

function fromBsonValue(v: BsonLike): unknown {
  switch (v._bsontype) {
    case 'Int32':
    case 'Double':
      return Number(v.valueOf())
    case 'Long':
      return v.toNumber?.()
    case 'Decimal128':
      return Number(v.toString())
    case 'ObjectId':
    case 'ObjectID':
      return v.toHexString?.()
    case 'BSONRegExp': {
      const flags = [...(v.options ?? '')].filter((f) => JS_REGEX_FLAGS.has(f)).join('')
      return new RegExp(v.pattern ?? '', flags)
    }
    case 'Binary':
      return Buffer.from(v.buffer ?? [])
    default:
      return v
  }
}

/** Turns `{$tcb_server_date:{offset}}` into a Date; `now` carries the local clock offset. */
export type ServerNow = () => number

function serverDate(v: Record<string, unknown>, now: ServerNow): Date | null {
  const keys = Object.keys(v)
  if (keys.length !== 1 || keys[0] !== '$tcb_server_date') return null
  const spec = plain(v.$tcb_server_date, now)
  const offset = isPlainObject(spec) ? Number(spec.offset ?? 0) : 0
  return new Date(now() + (Number.isFinite(offset) ? offset : 0))
}

/** Deep-converts BSON wrapper classes to plain JS values and resolves server-date placeholders. */
export function plain(value: unknown, now: ServerNow): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp || Buffer.isBuffer(value)) return value
  if (Array.isArray(value)) return value.map((v) => plain(v, now))
  if ((value as BsonLike)._bsontype) return fromBsonValue(value as BsonLike)
  const obj = value as Record<string, unknown>
  const date = serverDate(obj, now)
  if (date) return date
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) out[key] = plain(obj[key], now)
  return out
}

/** Parses one EJSON parameter of a request (query, order, data…). */
export function decode(text: unknown, now: ServerNow): unknown {
  if (typeof text !== 'string') return plain(text, now)
  return plain(EJSON.parse(text, { relaxed: false }), now)
}

/** A stored or replied document: relaxed EJSON keeps Dates and RegExps, numbers stay plain. */
export function encodeDoc(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: true })
}

const noServerDates: ServerNow = () => Date.now()

export function decodeStoredDoc(text: string): unknown {
  // Most documents hold no Date/RegExp: plain JSON.parse is several times faster than EJSON.
  if (!text.includes('"$')) return JSON.parse(text)
  return plain(EJSON.parse(text, { relaxed: true }), noServerDates)
}
