/**
 * A module owns its collections (README › Adding a module): only the code in its own folder,
 * cloudfunctions/<module>/, names them; another module asks through the owner's server API file
 * (e.g. cloudfunctions/safety/api.ts), so a change of one module's data touches one folder. The
 * kernel's collections (types/collections.ts: accounts, projects, audit_log …) are everyone's.
 *
 * Every string literal in a folder's TypeScript that names a collection counts as touching it —
 * `db.collection('x')`, `collection: 'x'` of a workflow step, `txGet(tx, 'x', …)`, and a name
 * handed to a helper (`byProject(ctx, 'x')`) alike.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CORE_COLLECTIONS } from '../../types/collections'
import { COLLECTIONS, MODULE_KITS } from '../../server/registry'

const FUNCTIONS = join(__dirname, '..', '..', 'cloudfunctions')
const ALL = new Set(Object.keys(COLLECTIONS))
const SHARED = new Set(Object.keys(CORE_COLLECTIONS))

/** The collections each module's registry line declares. */
const OWNED = new Map(MODULE_KITS.map((k) => [k.contract.fn, Object.keys(k.collections ?? {})]))

/** The collections named by string literals in `source`. */
function collectionsNamed(source: string): string[] {
  const names = [...source.matchAll(/(['"`])([a-z][a-z0-9_]*)\1/g)].map((m) => m[2])
  return [...new Set(names.filter((n) => ALL.has(n)))].sort()
}

/** Each TypeScript file of a function's folder with the collections it names. */
function touched(fn: string): { file: string; names: string[] }[] {
  return readdirSync(join(FUNCTIONS, fn))
    .filter((f) => f.endsWith('.ts'))
    .map((file) => ({
      file,
      names: collectionsNamed(readFileSync(join(FUNCTIONS, fn, file), 'utf8')),
    }))
}

const folders = readdirSync(FUNCTIONS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

describe('a module touches only its own collections and the kernel’s', () => {
  it('finds the collections a source names (literals of every form, nothing else)', () => {
    const source = `
      db.collection('safety_checks'); step({ collection: "parking_editions" })
      byProject(ctx, \`vote_sessions\`); const link = '/pages/safety/index'; const x = 'safety'`
    expect(collectionsNamed(source)).toEqual(['parking_editions', 'safety_checks', 'vote_sessions'])
  })

  it('knows every function folder as a registered module', () => {
    expect(folders.filter((f) => !OWNED.has(f))).toEqual([])
  })

  it.each(folders)('%s', (fn) => {
    const own = new Set(OWNED.get(fn) ?? [])
    const foreign = touched(fn).flatMap(({ file, names }) =>
      names.filter((n) => !own.has(n) && !SHARED.has(n)).map((n) => `${fn}/${file}: ${n}`),
    )
    expect(foreign).toEqual([])
  })

  it('sees each module’s own collections in its own folder (the scan is not blind)', () => {
    for (const [fn, own] of OWNED) {
      if (own.length === 0) continue
      const seen = new Set(touched(fn).flatMap((t) => t.names))
      expect({ fn, seen: own.some((n) => seen.has(n)) }).toEqual({ fn, seen: true })
    }
  })
})
