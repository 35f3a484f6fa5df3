/**
 * Module styles are scoped: in H5 every stylesheet a page loads stays in the document for the
 * rest of the visit, so a class of one module (项目信息's `.stats`) must not reach another
 * (评价统计's `.stats`). Opened after 项目信息 and 共有资金 in one visit, 评价统计 lays out exactly
 * as when it is the first page opened, on a 390×844 phone.
 *
 * Also, without a browser, the built CSS itself: every rule a module's stylesheet contributes
 * begins with that module's scope (`.mod-<module>`), so no selector of it is global.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import postcss, { type Root, type Rule } from 'postcss'
import { compile } from 'sass'
import { type Locator, type Page } from 'playwright-core'
import { launchApp, ROOT, screenshotPath, type App } from '../support/browser'

const PHONE = { width: 390, height: 844 }

let app: App
let page: Page

const visible = (testId: string, scope?: Page | Locator) => app.visible(testId, scope)

interface Layout {
  /** The chart's width and the width of the card holding it. */
  chart: number
  card: number
  /** The right edge of 数据明细's card and of its table. */
  tableCardRight: number
  tableRight: number
}

/** Opens 业主评价情况 › 评价统计 from the visible home page and measures its layout. */
async function statsLayout(): Promise<Layout> {
  await openFromHome('evaluation', visible('rank-list'))
  await visible('tab-stats').click()
  const chart = visible('stats-chart')
  await chart.locator('canvas').first().waitFor()
  const cards = page.locator('[data-testid="stats"]:visible .stats__card')
  await cards.nth(1).waitFor()
  const box = async (l: Locator) => {
    const b = await l.boundingBox()
    if (!b) throw new Error('not laid out')
    return b
  }
  const [c, card, tableCard, table] = await Promise.all([
    box(chart),
    box(cards.first()),
    box(cards.nth(1)),
    box(visible('stats-table')),
  ])
  return {
    chart: Math.round(c.width),
    card: Math.round(card.width),
    tableCardRight: Math.round(tableCard.x + tableCard.width),
    tableRight: Math.round(table.x + table.width),
  }
}

/** Taps a module's tile on the visible home page and waits until its page has slid in. */
async function openFromHome(code: string, ready: Locator): Promise<void> {
  await page.locator(`[data-testid="module-${code}"]:visible`).click()
  await app.shown(ready)
}

/** Goes back to the home page, once the page on top has finished sliding in. */
async function backHome(): Promise<void> {
  await page.goBack()
  await app.shown(visible('module-grid'))
}

beforeAll(async () => {
  app = await launchApp()
  page = app.page
  await page.setViewportSize(PHONE)
}, 60_000)

afterAll(async () => {
  await app?.close()
})

test('评价统计 looks the same after 项目信息 and 共有资金 were opened in the same visit', async () => {
  // First page of a visit: nothing but 评价统计's own styles.
  await app.openAs('demo-manager', '/pages/home/index')
  await app.shown(visible('module-grid'))
  const alone = await statsLayout()
  expect(alone.chart).toBeGreaterThan(300)

  // A new visit: 项目信息 and 共有资金 first (their stylesheets stay loaded), then 评价统计.
  await app.openAs('demo-manager', '/pages/home/index')
  await app.shown(visible('module-grid'))
  await openFromHome('project', page.locator('[data-testid^="project-tab-"]:visible'))
  await backHome()
  await openFromHome('funds', visible('fund-account').first())
  await backHome()
  const after = await statsLayout()
  await page.screenshot({ path: screenshotPath('styles-stats-after-project.png') })

  expect(after).toEqual(alone)
  // The chart fills its card and 数据明细 stays on the screen.
  expect(after.chart).toBeGreaterThan(after.card * 0.8)
  expect(after.tableCardRight).toBeLessThanOrEqual(PHONE.width)
  expect(after.tableRight).toBeLessThanOrEqual(PHONE.width)
}, 90_000)

// ---- the built CSS ----------------------------------------------------------------------------

const PAGES = join(ROOT, 'src', 'pages')

/** Every page folder's stylesheets that a page imports (not the partials they import). */
function styledModules(): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const walk = (dir: string, mod: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p, mod)
      else if (/\.tsx?$/.test(e.name))
        for (const m of readFileSync(p, 'utf8').matchAll(/^import '(\.[^']+\.scss)'/gm))
          found.set(mod, [...(found.get(mod) ?? []), join(dir, m[1])])
    }
  }
  for (const e of readdirSync(PAGES, { withFileTypes: true }))
    if (e.isDirectory()) walk(join(PAGES, e.name), e.name)
  return found
}

/**
 * A stylesheet's rules as the build's sass-loader compiles it, without those sass inlined from
 * node_modules (taro-ui's component styles, global by design): what the file itself writes.
 */
function ownRules(file: string): Rule[] {
  const out = compile(file, {
    loadPaths: [join(ROOT, 'node_modules')],
    silenceDeprecations: ['import', 'slash-div'],
    quietDeps: true,
    sourceMap: true,
  })
  const root = postcss.parse(out.css, { from: file, map: { prev: out.sourceMap } })
  return styleRules(root).filter((r) => {
    const at = r.source?.start
    const origin = at && r.source?.input.origin(at.line, at.column)
    return !(origin && /[\\/]node_modules[\\/]/.test(origin.file ?? origin.url))
  })
}

/** The class names a selector list names. */
const classesOf = (selector: string) =>
  new Set([...selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]))

/** Rules outside @keyframes (whose `from` / `50%` are not selectors). */
function styleRules(css: string | Root): Rule[] {
  const rules: Rule[] = []
  ;(typeof css === 'string' ? postcss.parse(css) : css).walkRules((r) => {
    if (!/keyframes$/i.test((r.parent as { name?: string } | undefined)?.name ?? '')) rules.push(r)
  })
  return rules
}

/** Classes of the app's shell and shared components (src/app.scss, src/components): global. */
function kitClasses(): Set<string> {
  const files = [join(ROOT, 'src', 'app.scss')]
  const comps = join(ROOT, 'src', 'components')
  for (const d of readdirSync(comps))
    if (existsSync(join(comps, d, 'index.scss'))) files.push(join(comps, d, 'index.scss'))
  const kit = new Set<string>()
  for (const f of files)
    for (const r of ownRules(f)) for (const c of classesOf(r.selector)) kit.add(c)
  return kit
}

test('the built H5 CSS: a module stylesheet has no selector outside its module scope', () => {
  const modules = styledModules()
  const kit = kitClasses()
  // Classes only a module's own stylesheet names (not the kit's, not taro-ui's, not Taro's).
  const own = new Map<string, string>()
  for (const [mod, files] of modules)
    for (const f of files)
      for (const r of ownRules(f))
        for (const c of classesOf(r.selector))
          if (!kit.has(c) && !/^(at-|taro)/.test(c) && !c.startsWith('mod-')) own.set(c, mod)

  const dir = join(ROOT, 'dist', 'h5', 'css')
  const scopes = new Set<string>()
  const leaks: string[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
    for (const r of styleRules(readFileSync(join(dir, file), 'utf8'))) {
      for (const sel of r.selectors) {
        const scope = /^\.mod-([\w-]+)(?=[\s:.[>+~]|$)/.exec(sel)?.[1]
        if (scope) {
          scopes.add(scope)
          continue
        }
        const named = [...classesOf(sel)].filter((c) => own.has(c))
        if (named.length) leaks.push(`${file}: ${sel} (${own.get(named[0])})`)
      }
    }
  }
  expect(leaks).toEqual([])
  // Every page folder's stylesheet went through the scoping (none was left out of the build).
  expect([...modules.keys()].filter((m) => !scopes.has(m))).toEqual([])
})
