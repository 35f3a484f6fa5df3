/**
 * A small .xlsx reader for tests, independent of the library that writes the files: the zip's
 * central directory (node:zlib inflates), then the workbook's first sheet, its shared strings,
 * column widths, merged cells and frozen rows, read from the XML as Excel would.
 */
import { inflateRawSync } from 'node:zlib'

export interface Sheet {
  /** Sheet names in the workbook, in order. */
  names: string[]
  /** Cell texts by row (0-based) and column (0-based); '' where a cell is empty. */
  rows: string[][]
  /** Widths of columns (1-based min..max, in characters). */
  cols: { min: number; max: number; width: number }[]
  /** Merged ranges, e.g. A1:I1. */
  merges: string[]
  /** Rows kept in view while scrolling (the frozen pane's ySplit). */
  frozenRows: number
  /** Cells whose style is bold, by A1 reference. */
  bold: Set<string>
}

/** Every file in a zip archive, by name. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory')
  const entries = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = new Map<string, Buffer>()
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry')
    const method = buf.readUInt16LE(p + 10)
    const compressed = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header: ${name}`)
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const data = buf.subarray(start, start + compressed)
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data))
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
function text(xml: string): string {
  return xml.replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return ENTITIES[e] ?? m
  })
}
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null

function column(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0]
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1
}

export function readXlsx(buf: Buffer): Sheet {
  const files = unzip(buf)
  const read = (name: string) => files.get(name)?.toString('utf8') ?? ''
  const names = [...read('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) =>
    text(attr(m[0], 'name') ?? ''),
  )
  const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => text(t[1])).join(''),
  )
  const styles = read('xl/styles.xml')
  const fonts = [
    ...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
      /<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g,
    ),
  ].map((m) => /<b\s*\/>/.test(m[1] ?? ''))
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g),
  ].map((m) => Number(attr(m[0], 'fontId') ?? 0))

  const sheet = read('xl/worksheets/sheet1.xml')
  const rows: string[][] = []
  const bold = new Set<string>()
  for (const row of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attr(row[0], 'r')) - 1
    const cells: string[] = []
    for (const c of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[0], 'r')!
      const type = attr(c[0], 't')
      const body = c[2] ?? ''
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      const value =
        type === 's'
          ? shared[Number(v)]
          : type === 'inlineStr'
            ? [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => text(t[1])).join('')
            : text(v ?? '')
      cells[column(ref)] = value ?? ''
      const s = attr(c[0], 's')
      if (s !== null && fonts[xfs[Number(s)]]) bold.add(ref)
    }
    rows[r] = Array.from(cells, (x) => x ?? '')
  }
  const cols = [...sheet.matchAll(/<col\b[^>]*>/g)].map((m) => ({
    min: Number(attr(m[0], 'min')),
    max: Number(attr(m[0], 'max')),
    width: Number(attr(m[0], 'width')),
  }))
  const merges = [...sheet.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => attr(m[0], 'ref')!)
  const pane = /<pane\b[^>]*>/.exec(sheet)?.[0]
  const frozenRows = pane && attr(pane, 'state') === 'frozen' ? Number(attr(pane, 'ySplit')) : 0
  return {
    names,
    rows: Array.from(rows, (r) => r ?? []),
    cols,
    merges,
    frozenRows,
    bold,
  }
}
