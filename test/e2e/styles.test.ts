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
import { type Locator } from 'playwright-core'
import { ROOT, screenshotPath } from '../support/browser'
import { useApp } from '../support/app'

const PHONE = { width: 390, height: 844 }

const app = useApp({ viewport: PHONE })
const { visible } = app

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
  const cards = app.page.locator('[data-testid="stats"]:visible .stats__card')
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
  await app.page.locator(`[data-testid="module-${code}"]:visible`).click()
  await app.shown(ready)
}

/** Goes back to the home page, once the page on top has finished sliding in. */
async function backHome(): Promise<void> {
  await app.page.goBack()
  await app.shown(visible('module-grid'))
}

test('评价统计 looks the same after 项目信息 and 共有资金 were opened in the same visit', async () => {
  // First page of a visit: nothing but 评价统计's own styles.
  await app.openAs('demo-manager', '/pages/home/index')
  await app.shown(visible('module-grid'))
  const alone = await statsLayout()
  expect(alone.chart).toBeGreaterThan(300)

  // A new visit: 项目信息 and 共有资金 first (their stylesheets stay loaded), then 评价统计.
  await app.openAs('demo-manager', '/pages/home/index')
  await app.shown(visible('module-grid'))
  await openFromHome('project', app.page.locator('[data-testid^="project-tab-"]:visible'))
  await backHome()
  await openFromHome('funds', visible('fund-account').first())
  await backHome()
  const after = await statsLayout()
  await app.page.screenshot({ path: screenshotPath('styles-stats-after-project.png') })

  expect(after).toEqual(alone)
  // The chart fills its card and 数据明细 stays on the screen.
  expect(after.chart).toBeGreaterThan(after.card * 0.8)
  expect(after.tableCardRight).toBeLessThanOrEqual(PHONE.width)
  expect(after.tableRight).toBeLessThanOrEqual(PHONE.width)
}, 90_000)

// ---- the kit's parts look the same in every module ---------------------------------------------

/** The computed properties that make a part look as it does. */
async function looks(l: Locator, props: string[]): Promise<Record<string, string>> {
  await l.waitFor()
  return l.evaluate((el, names) => {
    const s = getComputedStyle(el)
    return Object.fromEntries(names.map((n) => [n, s.getPropertyValue(n)]))
  }, props)
}

const CARD = ['background-color', 'padding', 'border-radius', 'box-shadow', 'margin-bottom']
const ROW_LABEL = ['color', 'font-size', 'min-width', 'white-space']
/** A tag's shape (its colours follow its tone). */
const TAG_SHAPE = ['padding', 'border-radius', 'font-size', 'display']
const TAG = [...TAG_SHAPE, 'color', 'background-color']
const TRANSPARENT = 'rgba(0, 0, 0, 0)'

/** A card (`cardId`) with rows, `label` one of them, and a tag reading `tag`, on the page on top. */
async function cardLook(cardId: string, label: string, tag: string) {
  const card = visible(cardId)
  const of = (text: string) => card.getByText(text, { exact: true }).first()
  return {
    card: await looks(card, CARD),
    label: await looks(of(label), ROW_LABEL),
    tag: await looks(of(tag), TAG),
  }
}

const pick = (o: Record<string, string>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]]))

test('共有资金 and 信用信息 show the kit’s cards, rows and tags as 项目信息 does; 安全检查 its trail', async () => {
  // 项目信息 › 业主委员会 (阳光花园's is 已备案): a card with a tag and rows.
  await app.openAs('demo-manager', '/pages/project/index')
  await app.shown(app.page.locator('[data-testid^="project-tab-"]:visible').first())
  await visible('tab-committee').click()
  const project = await cardLook('committee-card', '选举日期', '已备案')
  expect(project.card['background-color']).not.toBe(TRANSPARENT)
  expect(project.card['border-radius']).not.toBe('0px')
  expect(project.tag['background-color']).not.toBe(TRANSPARENT)
  expect(project.label['white-space']).toBe('nowrap')

  // 共有资金 › 公共收益's account: its head card, rows and tag.
  await app.openAs('demo-manager', '/pages/funds/account/index?accountId=fa-yg-income')
  await app.shown(visible('account-head'))
  const funds = await cardLook('account-head', '开户银行', '公共收益')
  expect(funds.card).toEqual(project.card)
  expect(funds.label).toEqual(project.label)
  expect(pick(funds.tag, TAG_SHAPE)).toEqual(pick(project.tag, TAG_SHAPE))
  expect(funds.tag['background-color']).not.toBe(TRANSPARENT)

  // 信用信息 › 物业企业: the subject's card, rows and tag (the same tone as 共有资金's).
  await app.openAs('demo-manager', '/pages/credit/subject/index?subjectId=cs-yg-company')
  await app.shown(visible('credit-subject-basic'))
  const credit = await cardLook('credit-subject-basic', '统一社会信用代码', '物业企业')
  expect(credit.card).toEqual(project.card)
  expect(credit.label).toEqual(project.label)
  expect(credit.tag).toEqual(funds.tag)

  // 安全检查 › a confirmed check: its 审核信息 is drawn as a trail, a round dot per row.
  await app.openAs('demo-manager', '/pages/safety/index?checkId=sc-2026h1')
  const row = app.page.locator('[data-testid="trail"]:visible [data-testid="trail-row"]').first()
  await app.shown(row)
  const dot = row.locator(':scope > *').first()
  const box = await dot.boundingBox()
  expect(box && box.width > 0 && Math.round(box.width) === Math.round(box.height)).toBe(true)
  const look = await looks(dot, ['background-color', 'border-radius'])
  expect(look['background-color']).not.toBe(TRANSPARENT)
  expect(look['border-radius']).not.toBe('0px')
  const label = await looks(row.locator('[data-testid="trail-label"]'), ['font-weight'])
  expect(label['font-weight']).toBe('600')
  await app.page.screenshot({ path: screenshotPath('styles-safety-trail.png') })
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
        // A desktop rule (styles/desktop.scss) keeps html.kit-desktop in front of the scope.
        const scope = /^(?:\.kit-desktop\s+)?\.mod-([\w-]+)(?=[\s:.[>+~]|$)/.exec(sel)?.[1]
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
