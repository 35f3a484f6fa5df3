/**
 * Every component of src/components documents its props as an exported `…Props` type and accepts
 * `className` (merged onto its root after its own classes), as taro-ui's components do (issue 17
 * §7). A source scan: each folder's index files (index.tsx and platform variants such as
 * index.h5.tsx) are read, and every exported component (a capitalised exported function) must
 * take its props as an exported `…Props` type that declares `className?: string`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const COMPONENTS = resolve(__dirname, '..', '..', 'src', 'components')

const FOLDERS = readdirSync(COMPONENTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)

/** The folder's index files: index.tsx and its platform variants (index.h5.tsx, …). */
function indexFiles(folder: string): string[] {
  return readdirSync(join(COMPONENTS, folder))
    .filter((f) => /^index(\.\w+)?\.tsx$/.test(f))
    .map((f) => join(COMPONENTS, folder, f))
}

/** The body of each exported `…Props` interface or type alias, by name. */
function exportedProps(source: string): Map<string, string> {
  const out = new Map<string, string>()
  const head = /export\s+(?:interface|type)\s+(\w*Props)\b[^{]*\{/g
  for (const m of source.matchAll(head)) {
    let depth = 1
    let i = m.index! + m[0].length
    while (depth > 0 && i < source.length) {
      if (source[i] === '{') depth++
      else if (source[i] === '}') depth--
      i++
    }
    out.set(m[1], source.slice(m.index!, i))
  }
  return out
}

/** Each exported component's name and the props type its parameter is declared with (or null). */
function exportedComponents(source: string): { name: string; propsType: string | null }[] {
  const fn = /export\s+(?:default\s+)?function\s+([A-Z]\w*)\s*(?:<[^(]*>)?\s*\(([^)]*)\)/g
  return [...source.matchAll(fn)].map((m) => ({
    name: m[1],
    propsType: /:\s*(\w*Props)\b/.exec(m[2])?.[1] ?? null,
  }))
}

test('the components are the folders of src/components', () => {
  expect(FOLDERS).toEqual(expect.arrayContaining(['EmptyState', 'InfoCard', 'PagedList']))
})

describe.each(FOLDERS)('src/components/%s', (folder) => {
  const files = indexFiles(folder)

  test('has an index.tsx', () => {
    expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toContain('index.tsx')
  })

  test.each(files.map((f) => [f.slice(COMPONENTS.length + 1)]))(
    '%s exports a …Props type with className?: string',
    (rel) => {
      const props = exportedProps(readFileSync(join(COMPONENTS, rel), 'utf8'))
      const withClassName = [...props].filter(([, body]) => /\bclassName\?:\s*string\b/.test(body))
      expect(withClassName.map(([name]) => name)).not.toEqual([])
    },
  )

  test.each(files.map((f) => [f.slice(COMPONENTS.length + 1)]))(
    'every component of %s takes an exported …Props with className',
    (rel) => {
      const source = readFileSync(join(COMPONENTS, rel), 'utf8')
      const props = exportedProps(source)
      const wrong = exportedComponents(source)
        .filter(({ propsType }) => {
          const body = propsType ? props.get(propsType) : undefined
          return !body || !/\bclassName\?:\s*string\b/.test(body)
        })
        .map(({ name, propsType }) => `${name}(${propsType ?? 'no …Props'})`)
      expect(wrong).toEqual([])
    },
  )
})
