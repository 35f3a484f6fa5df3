/**
 * The .xlsx of 备案综合查询 → 导出, built with write-excel-file (bundled into the function by
 * esbuild; fflate zips it): a title, the filter and the export's time and count on top, then a
 * bold header row that stays frozen while scrolling, then one row per filing. Column widths fit
 * the longest text of each column, counting a CJK (full-width) character as two.
 */
import writeExcelFile from 'write-excel-file/node'
import type { SheetData } from 'write-excel-file/node'

/** Full-width characters: CJK, kana, hangul, full-width forms and punctuation. */
const WIDE_RE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud87f][\udc00-\udfff]/g

/** How wide a text shows, in Excel's "characters" (the width of a digit). */
export function displayWidth(text: string): number {
  const wide = text.match(WIDE_RE)?.length ?? 0
  // A surrogate pair counts as one wide character, not two.
  const astral = text.match(/[\ud840-\ud87f][\udc00-\udfff]/g)?.length ?? 0
  return text.length - astral - wide + wide * 2
}

const MIN_WIDTH = 6
const MAX_WIDTH = 60
/** Padding so the text does not touch the cell's edges (and bold headers fit). */
const PADDING = 2

export function columnWidths(header: readonly string[], rows: readonly string[][]): number[] {
  return header.map((h, i) => {
    let widest = displayWidth(h)
    for (const row of rows) widest = Math.max(widest, displayWidth(row[i] ?? ''))
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + PADDING))
  })
}

export interface SheetSpec {
  sheet: string
  title: string
  /** Lines written under the title (the filter, the time and count of the export). */
  notes: string[]
  header: readonly string[]
  rows: string[][]
}

const HEADER_STYLE = {
  fontWeight: 'bold',
  backgroundColor: '#DDE7F7',
  borderStyle: 'thin',
  borderColor: '#9DB3D9',
  align: 'center',
} as const

export async function buildXlsx(spec: SheetSpec): Promise<Buffer> {
  const span = spec.header.length
  const banner = (value: string, bold = false) => [
    { value, columnSpan: span, ...(bold ? { fontWeight: 'bold' as const, fontSize: 14 } : {}) },
    ...Array.from({ length: span - 1 }, () => null),
  ]
  const data: SheetData = [
    banner(spec.title, true),
    ...spec.notes.map((note) => banner(note)),
    spec.header.map((value) => ({ value, ...HEADER_STYLE })),
    ...spec.rows,
  ]
  const widths = columnWidths(spec.header, spec.rows)
  const buffer = await writeExcelFile(
    data,
    {
      sheet: spec.sheet,
      columns: widths.map((width) => ({ width })),
      // Title, notes and header stay in view while scrolling.
      stickyRowsCount: 2 + spec.notes.length,
    },
    { fontFamily: '等线', fontSize: 11 },
  ).toBuffer()
  return Buffer.from(buffer)
}
