/**
 * Value ordering and path access with MongoDB semantics, shared by the sorted indexes and the
 * in-memory sort so that both plans return documents in the same order.
 */
export type Doc = Record<string, unknown> & { _id: string }

// BSON comparison order: null < numbers < strings < objects < arrays < binary < boolean < date < regex.
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 1
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 2
    case 'string':
      return 3
    case 'boolean':
      return 8
  }
  if (v instanceof Date) return 9
  if (v instanceof RegExp) return 11
  if (Array.isArray(v)) return 5
  if (v instanceof Uint8Array) return 6
  return 4
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const byValue = compareValues(a[ka[i]], b[kb[i]])
    if (byValue !== 0) return byValue
    if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1
  }
  return ka.length - kb.length
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i])
    if (c !== 0) return c
  }
  return a.length - b.length
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

/** Total order over stored values; -1, 0 or 1 (or a length difference) like Array.sort wants. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 1:
      return 0
    case 2:
    case 3:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
    case 8:
      return Number(a) - Number(b)
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 11:
      return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0
    case 5:
      return compareArrays(a as unknown[], b as unknown[])
    case 6:
      return compareBytes(a as Uint8Array, b as Uint8Array)
    default:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>)
  }
}

function step(value: unknown, segment: string): unknown[] {
  if (Array.isArray(value)) {
    // MongoDB reads `a.0` as the element and also as field `0` of each element.
    const asIndex = /^\d+$/.test(segment) ? [value[Number(segment)]] : []
    const fromElements = value.flatMap((el) => (isPlainObject(el) ? step(el, segment) : []))
    return [...asIndex.filter((v) => v !== undefined), ...fromElements]
  }
  if (isPlainObject(value) && segment in value) return [value[segment]]
  return []
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Date) &&
    !(v instanceof RegExp) &&
    !(v instanceof Uint8Array)
  )
}

/**
 * Every value a dotted path reaches, descending through arrays on the way (an index or a sort
 * sees all of them). A path that reaches nothing yields `[]`.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc]
  for (const segment of path.split('.')) {
    current = current.flatMap((v) => step(v, segment))
    if (current.length === 0) return []
  }
  return current
}

/**
 * The value a document sorts by: arrays sort by their smallest element ascending and by their
 * largest descending, missing fields as null (MongoDB's rule).
 */
export function sortKeyOf(doc: unknown, path: string, direction: 1 | -1): unknown {
  const leaves = valuesAtPath(doc, path).flatMap((v) =>
    Array.isArray(v) ? (v.length ? v : [undefined]) : [v],
  )
  if (leaves.length === 0) return null
  let best = leaves[0]
  for (const v of leaves) if (compareValues(v, best) * direction < 0) best = v
  return best ?? null
}

export type SortSpec = readonly (readonly [string, 1 | -1])[]

export function compareBySort(a: unknown, b: unknown, sort: SortSpec): number {
  for (const [path, dir] of sort) {
    const c = compareValues(sortKeyOf(a, path, dir), sortKeyOf(b, path, dir))
    if (c !== 0) return c * dir
  }
  return 0
}
