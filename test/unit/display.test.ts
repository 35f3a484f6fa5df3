/**
 * One display rule per thing, from types/display.ts: 身份证号码 masked the national way (first 6
 * and last 4), times in China Standard Time whatever the device's zone, one table of role
 * labels — and no page or function with a rule of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  cstDate,
  cstDateTime,
  cstTime,
  maskIdNo,
  ROLE_LABELS,
  roleLabel,
} from '../../types/display'

const ROOT = join(__dirname, '..', '..')

describe('maskIdNo', () => {
  it('keeps the region (first 6) and the last 4 of an 18-digit number', () => {
    expect(maskIdNo('440305197804120318')).toBe('440305********0318')
    expect(maskIdNo('44030419900923048X')).toBe('440304********048X')
  })
  it('masks a 15-digit number the same way', () => {
    expect(maskIdNo('440305780412031')).toBe('440305*****2031')
  })
  it('shows nothing of a number too short to mask that way, and nothing for none', () => {
    expect(maskIdNo('44030512345')).toBe('***********')
    expect(maskIdNo('')).toBe('')
    expect(maskIdNo(null)).toBe('')
    expect(maskIdNo(undefined)).toBe('')
  })
})

describe('China Standard Time, whatever the device’s time zone', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })
  // 2026-11-28 23:30 in Shenzhen is 15:30 UTC and 10:30 in New York.
  const at = Date.parse('2026-11-28T23:30:00+08:00')

  it.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('in %s', (tz) => {
    process.env.TZ = tz
    expect(cstDate(at)).toBe('2026-11-28')
    expect(cstDateTime(at)).toBe('2026-11-28 23:30')
    expect(cstTime(at)).toBe('23:30')
  })

  it.each(['UTC', 'America/New_York'])("the pages' time helpers too, in %s", async (tz) => {
    process.env.TZ = tz
    const parking = await import('../../src/pages/parking/format')
    const disclosure = await import('../../src/pages/disclosure/format')
    const todos = await import('../../src/pages/todos/format')
    for (const dateTime of [parking.dateTime, disclosure.dateTime, todos.formatTime])
      expect(dateTime(at)).toBe('2026-11-28 23:30')
    for (const dateOnly of [parking.dateOnly, disclosure.dateOnly, todos.formatDate])
      expect(dateOnly(at)).toBe('2026-11-28')
  })
})

describe('role labels', () => {
  it('are 项目负责人 and 项目经办人 (and 企业负责人 for a company head)', () => {
    expect(ROLE_LABELS).toEqual({
      manager: '项目负责人',
      handler: '项目经办人',
      companyHead: '企业负责人',
    })
    expect(roleLabel('handler')).toBe('项目经办人')
    expect(roleLabel('manager')).toBe('项目负责人')
    expect(roleLabel('toString')).toBe('')
    expect(roleLabel(undefined)).toBe('')
  })
})

/** Every TypeScript source of the pages, the contracts and the functions. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : []
  })
}

describe('one source', () => {
  const files = ['src', 'types', 'cloudfunctions']
    .flatMap((d) => sources(join(ROOT, d)))
    .filter((f) => !f.endsWith(join('types', 'display.ts')))
    .map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }))

  it('no other file masks an ID number or names a role itself', () => {
    const own = files.flatMap(({ file, text }) => [
      ...[...text.matchAll(/(?:function|const) (mask\w+)\b/g)].map((m) => `${file}: ${m[1]}`),
      ...[...text.matchAll(/['"`]项目(负责|经办)人['"`]/g)].map((m) => `${file}: ${m[0]}`),
    ])
    expect(own).toEqual([])
  })

  it("no page reads the device's time zone", () => {
    const local = files.flatMap(({ file, text }) =>
      [...text.matchAll(/\.get(FullYear|Month|Date|Hours|Minutes|Day)\(\)/g)].map(
        (m) => `${file}: ${m[0]}`,
      ),
    )
    expect(local).toEqual([])
  })
})
