/**
 * The BUILT mini program (dist/weapp) preloads, from 物业服务 (pages/home), the subpackages of the
 * modules types/modules.ts marks `preload: true`, so such a module opens without a download on a
 * phone. WeChat refuses an app.json whose preloaded subpackages of one page add up to more than
 * 2 MB, so their size on disk is held to that.
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, ROOT } = require('./harness')

const HOME = 'pages/home/index'
/** WeChat: the subpackages preloaded by one page may add up to 2 MB. */
const PRELOAD_LIMIT = 2 * 1024 * 1024

/** Modules marked `preload: true` in the shared contract (read as text: no TS transform here). */
const MARKED = [
  ...fs
    .readFileSync(path.join(ROOT, 'types', 'modules.ts'), 'utf8')
    .matchAll(/code: '(\w+)'[^\n]*preload: true/g),
].map((m) => m[1])

function bytesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, d) => {
    const p = path.join(dir, d.name)
    return sum + (d.isDirectory() ? bytesUnder(p) : fs.statSync(p).size)
  }, 0)
}

let app
beforeAll(() => {
  const file = path.join(DIST, 'app.json')
  if (!fs.existsSync(file))
    throw new Error('dist/weapp is missing: run `npx taro build --type weapp` first')
  app = JSON.parse(fs.readFileSync(file, 'utf8'))
})

const homeRule = () => (app.preloadRule || {})[HOME]
const subpackageRoots = () =>
  (app.subPackages || app.subpackages || []).map((p) => p.root.replace(/\/+$/, ''))

test('物业服务 preloads the subpackages of the modules a handler most often holds', () => {
  expect(MARKED).toEqual(expect.arrayContaining(['todos', 'safety', 'disclosure', 'parking']))
  const rule = homeRule()
  expect(rule).toBeDefined()
  expect(rule.network).toBe('all')
  expect([...rule.packages].sort()).toEqual(MARKED.map((code) => `pages/${code}`).sort())
})

test('every preloaded package is a real subpackage of the build', () => {
  const roots = subpackageRoots()
  for (const pkg of homeRule().packages) {
    expect(roots).toContain(pkg)
    expect(fs.statSync(path.join(DIST, pkg)).isDirectory()).toBe(true)
  }
})

test("the preloaded subpackages add up to no more than WeChat's 2 MB", () => {
  const sizes = homeRule().packages.map((pkg) => bytesUnder(path.join(DIST, pkg)))
  const total = sizes.reduce((a, b) => a + b, 0)
  expect(total).toBeGreaterThan(0)
  expect(total).toBeLessThanOrEqual(PRELOAD_LIMIT)
})
