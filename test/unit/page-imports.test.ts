/**
 * A module's page folder imports nothing from another module's folder (issue 17): what two
 * modules share lives in src/components, src/hooks or src/services. Besides coupling two modules,
 * a stylesheet borrowed from another folder is scoped to that folder's module at build time
 * (config/scope-styles.js), so it does not style the borrower's page.
 *
 * The modules are the folders of src/pages; every relative import of their TypeScript
 * (`import … from`, `import '…'`, `export … from`, `import('…')`) and every `@import` / `@use`
 * of their stylesheets counts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'

const PAGES = resolve(__dirname, '..', '..', 'src', 'pages')

const MODULES = readdirSync(PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

/** Every file under `dir`, recursively. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(join(dir, e.name)) : [join(dir, e.name)],
  )
}

const TS_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.[^'"]*)\1/g
const SCSS_IMPORT = /@(?:import|use|forward)\s+(['"])(\.[^'"]*)\1/g

/** The relative specifiers `file` imports. */
function importsOf(file: string): string[] {
  const pattern = /\.tsx?$/.test(file) ? TS_IMPORT : /\.s?css$/.test(file) ? SCSS_IMPORT : null
  if (!pattern) return []
  return [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m[2])
}

/** The module folder `path` lies in, or null outside src/pages/<module>/. */
function moduleOf(path: string): string | null {
  const rel = relative(PAGES, path)
  if (rel.startsWith('..')) return null
  const [first, ...rest] = rel.split(sep)
  return rest.length ? first : null
}

/** `file: specifier` for each import of `module`'s files that reaches another module's folder. */
function borrowed(module: string): string[] {
  const out: string[] = []
  for (const file of filesOf(join(PAGES, module)))
    for (const spec of importsOf(file)) {
      const target = moduleOf(resolve(dirname(file), spec))
      if (target && target !== module) out.push(`${relative(PAGES, file)}: ${spec}`)
    }
  return out
}

test('the modules are the folders of src/pages', () => {
  expect(MODULES).toEqual(expect.arrayContaining(['project', 'funds', 'safety', 'todos']))
})

test.each(MODULES)('src/pages/%s imports nothing from another module’s folder', (module) => {
  expect(borrowed(module)).toEqual([])
})

test('the check sees an import of another module’s folder', () => {
  // The rule's own sanity: these specifiers, written in src/pages/funds/index.tsx, would borrow.
  const file = join(PAGES, 'funds', 'index.tsx')
  const reaches = (spec: string) => moduleOf(resolve(dirname(file), spec))
  expect(reaches('../project/parts')).toBe('project')
  expect(reaches('./account/index')).toBe('funds')
  expect(reaches('../../components/Tabs')).toBeNull()
})
