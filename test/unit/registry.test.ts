/**
 * A module is one registry entry (issue 17 §4): its page side in types/modules.ts (`MODULES`:
 * metadata, pages, to-do kinds, subscribe templates) and its server side in server/registry.ts
 * (`MODULE_KITS`: contract, collections, seed). So a module's folder anywhere — its function, its
 * pages, its contract — without its entry fails here, and so does an entry without its folders.
 * 身份认证 (binding) and home are the app's own: main-package pages of src/app.config.ts, with a
 * server entry but no page entry.
 *
 * The kernel (server/kernel) names no module: no string of its code — a collection, an import
 * path, a page — names a module's code or one of a module's collections; what it needs to know of
 * them (to-do kinds, templates) it reads from the registry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { MODULES, MODULE_CODES, SUBSCRIBE_ENV, TODO_KINDS } from '../../types/modules'
import { CORE_COLLECTIONS } from '../../types/collections'
import { MODULE_KITS } from '../../server/registry'

const ROOT = join(__dirname, '..', '..')
const KERNEL = join(ROOT, 'server', 'kernel')

const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()

/** Every TypeScript file under `dir`, recursively. */
function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return sourcesOf(join(dir, e.name))
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []
  })
}

const SERVER = new Set<string>(MODULE_KITS.map((k) => k.contract.fn))
const PAGE = new Set<string>(MODULE_CODES)
/** The folders of the app's own pages: the main package of src/app.config.ts (not subpackages). */
const APP_OWN = new Set(
  [...readFileSync(join(ROOT, 'src', 'app.config.ts'), 'utf8').matchAll(/'pages\/([\w-]+)\//g)].map(
    (m) => m[1],
  ),
)

describe('every module is one entry on each side of the registry', () => {
  it('finds the app’s own pages', () => {
    expect([...APP_OWN]).toEqual(expect.arrayContaining(['home', 'binding']))
  })

  it('every function folder has its server entry, and every server entry its function', () => {
    expect(folders('cloudfunctions').filter((f) => !SERVER.has(f))).toEqual([])
    const missing = [...SERVER].filter(
      (fn) => !existsSync(join(ROOT, 'cloudfunctions', fn, 'index.ts')),
    )
    expect(missing).toEqual([])
  })

  it('every page folder is a module’s or the app’s own, and every entry’s pages exist', () => {
    expect(folders('src/pages').filter((f) => !PAGE.has(f) && !APP_OWN.has(f))).toEqual([])
    const missing = MODULES.flatMap((m) =>
      m.pages.map((p) => `src/pages/${m.code}/${p}.tsx`).filter((f) => !existsSync(join(ROOT, f))),
    )
    expect(missing).toEqual([])
  })

  it('every page entry has its server entry, and every server entry its pages', () => {
    expect([...PAGE].filter((c) => !SERVER.has(c))).toEqual([])
    expect([...SERVER].filter((fn) => !PAGE.has(fn) && !APP_OWN.has(fn))).toEqual([])
  })

  it('every contract of types/ has its server entry', () => {
    const defined = sourcesOf(join(ROOT, 'types')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/defineContract\(\s*'([\w-]+)'/g)].map((m) => m[1]),
    )
    expect(defined.length).toBeGreaterThan(10)
    expect(defined.filter((fn) => !SERVER.has(fn))).toEqual([])
  })

  it('no app code imports the server side, so seeds stay out of the app bundles', () => {
    // A type-only import is erased by the compiler (the dev switcher's DemoUser).
    const valueImport = /^import\s+(?!type\b)[^'"]*?\bfrom\s+'(\.\.\/)+server\//m
    const imports = sourcesOf(join(ROOT, 'src')).filter((file) =>
      valueImport.test(readFileSync(file, 'utf8')),
    )
    expect(imports.map((f) => relative(ROOT, f))).toEqual([])
  })

  it('a to-do kind is declared by one module; modules sharing a template share its variable', () => {
    const kinds = MODULES.flatMap((m) => ('todos' in m ? Object.keys(m.todos) : []))
    expect(kinds.length).toBe(Object.keys(TODO_KINDS).length)
    const clashes = MODULES.flatMap((m) =>
      Object.entries('subscribe' in m ? m.subscribe : {}).filter(
        ([key, name]) => SUBSCRIBE_ENV[key as keyof typeof SUBSCRIBE_ENV] !== name,
      ),
    )
    expect(clashes).toEqual([])
  })
})

/** The names the kernel must not use: the modules' codes and their own collections. */
const MODULE_NAMES = new Set([
  ...PAGE,
  ...SERVER,
  ...MODULE_KITS.flatMap((k) => Object.keys(k.collections ?? {})).filter(
    (c) => !(c in CORE_COLLECTIONS),
  ),
])

/** The string literals of TypeScript `source`, comments left out. */
function literalsOf(source: string): string[] {
  const tokens =
    /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\])*)`/g
  return [...source.matchAll(tokens)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((s): s is string => s !== undefined)
}

/** The module names a source's strings use, whole or as a segment of a path (`types/x`, `pages/x/…`). */
function modulesNamed(source: string): string[] {
  const named = literalsOf(source).flatMap((s) =>
    s.split(/[/.]/).filter((w) => MODULE_NAMES.has(w)),
  )
  return [...new Set(named)].sort()
}

describe('the kernel names no module', () => {
  it('finds names in literals and import paths, not in comments or identifiers', () => {
    const source = `
      import { X } from '../../types/safety' // the todos are read below
      /* 'parking_editions' */ db.collection("todos"); go(\`pages/weather/index\`)
      const query = list(accounts); const url = 'cloud://env/safetyx'`
    expect(modulesNamed(source)).toEqual(['safety', 'todos', 'weather'])
  })

  it.each(sourcesOf(KERNEL).map((f) => relative(ROOT, f)))('%s', (file) => {
    expect(modulesNamed(readFileSync(join(ROOT, file), 'utf8'))).toEqual([])
  })
})
