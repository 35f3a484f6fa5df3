/**
 * The kernel has one entry (issue 17): a cloud function imports `server/kernel` (its index.ts),
 * never one of the kernel's own files, so the kernel can rearrange its insides without touching
 * a module, and a module sees only what the kernel chooses to offer.
 *
 * Every relative import (`import … from`, `import '…'`, `export … from`, `import('…')`) of every
 * TypeScript file under cloudfunctions/ counts; the built index.js bundles do not.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..')
const FUNCTIONS = join(ROOT, 'cloudfunctions')
const KERNEL = join(ROOT, 'server', 'kernel')
const ENTRIES = new Set([KERNEL, join(KERNEL, 'index'), join(KERNEL, 'index.ts')])

/** Every TypeScript source file under `dir`, recursively, skipping installed packages. */
function sourcesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourcesOf(join(dir, e.name))
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []
  })
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.[^'"]*)\1/g

/** Whether `spec`, imported by `file`, reaches into the kernel past its entry. */
function bypassesEntry(file: string, spec: string): boolean {
  const target = resolve(dirname(file), spec).replace(/\/$/, '')
  return !relative(KERNEL, target).startsWith('..') && !ENTRIES.has(target)
}

/** "file: specifier" for each import of `file` that reaches into the kernel past its entry. */
function kernelBypasses(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)]
    .map((m) => m[2])
    .filter((spec) => bypassesEntry(file, spec))
    .map((spec) => `${relative(ROOT, file)}: ${spec}`)
}

describe('the kernel has one entry', () => {
  it('finds the cloud functions to check', () => {
    expect(sourcesOf(FUNCTIONS).length).toBeGreaterThan(10)
  })

  it('no cloud function imports a kernel file other than server/kernel (index.ts)', () => {
    expect(sourcesOf(FUNCTIONS).flatMap(kernelBypasses)).toEqual([])
  })

  it('counts a deep import as a bypass, and the entry or a non-kernel path as none', () => {
    const file = join(FUNCTIONS, 'x', 'index.ts')
    expect(bypassesEntry(file, '../../server/kernel')).toBe(false)
    expect(bypassesEntry(file, '../../server/kernel/')).toBe(false)
    expect(bypassesEntry(file, '../../server/kernel/index')).toBe(false)
    expect(bypassesEntry(file, '../../server/kernel/messaging')).toBe(true)
    expect(bypassesEntry(file, '../../server/kernel-extra')).toBe(false)
    expect(bypassesEntry(file, '../../types/errors')).toBe(false)
  })
})
