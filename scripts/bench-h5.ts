/**
 * The H5 build's weight and speed, as a phone-sized browser meets it: every page (物业服务 and each
 * module's entry) opened directly as the demo manager, in a fresh context (empty cache) of
 * headless Chromium at 390×844, three times after one unmeasured round (the functions' first
 * load, the local cloud's first compression). Per page: the median time from navigation to its
 * own content on screen, and the JS it transfers beyond what 物业服务 loads (the files home does
 * not fetch: what opening the module costs once home is cached). The browser as in the tests
 * (test/support/browser.ts): Debian's chromium, playwright-core, no download.
 */
import { chromium, type Browser } from 'playwright-core'
import { MODULES, modulePath, type ModuleCode } from '../types/modules'
import { KB, verdict, withBenchCloud } from './bench-kit'

export const H5_BUDGETS = {
  /** From navigation to the page's own content visible, median of 3. */
  contentVisibleMs: 500,
  /** JS transferred (compressed, as served) by a page beyond what home transfers. */
  jsBeyondHomeBytes: 150 * KB,
}
const RUNS = 3
const VIEWPORT = { width: 390, height: 844 }
const OPENID = 'demo-manager'

const testIds = (...ids: string[]) => ids.map((id) => `[data-testid="${id}"]`).join(', ')
/**
 * What shows that each module's page has its own content (its data, or its empty state), not
 * the frame or a spinner. A Record over ModuleCode: a module added to the registry without one
 * does not compile.
 */
const CONTENT: Record<ModuleCode, string> = {
  todos: testIds('todos-list', 'todos-list-empty'),
  funds: testIds('funds-total', 'fund-account'),
  credit: testIds('credit-subjects', 'credit-subjects-empty'),
  safety: testIds('checks', 'checks-empty'),
  disclosure: testIds('notice-list', 'notice-list-empty'),
  query: testIds('filing-list', 'filing-list-empty'),
  evaluation: testIds('rank-list', 'rank-list-empty', 'rank-mine'),
  project: testIds('basic-card'),
  transfers: testIds('transfers', 'transfers-empty'),
  parking: testIds('parking-published', 'parking-published-none'),
  training: testIds('courses', 'courses-empty'),
  weather: testIds('weather-board', 'place-search'),
  permissions: testIds('my-account'),
}

export interface PageSpec {
  name: string
  route: string
  content: string
}

export const PAGES: PageSpec[] = [
  { name: '物业服务', route: '/pages/home/index', content: testIds('module-grid') },
  ...MODULES.map((m) => ({ name: m.title, route: modulePath(m.code), content: CONTENT[m.code] })),
]

export interface Script {
  url: string
  /** Bytes on the wire (headers and the compressed body). */
  transferred: number
  /** The script's own size once decompressed. */
  decoded: number
}

export interface Visit {
  visibleMs: number
  scripts: Script[]
}

declare global {
  interface Window {
    __contentVisibleAt?: number
  }
}

/**
 * Runs in the page before its own scripts: notes, at the first animation frame that shows an
 * element of `selector`, the time since navigation began. A string, not a function: a bundler's
 * helpers (tsx's __name) would be missing in the page.
 */
const watchContent = (selector: string) => `(() => {
  const selector = ${JSON.stringify(selector)}
  const check = () => {
    const shown = Array.from(document.querySelectorAll(selector)).some(
      (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0,
    )
    if (shown) window.__contentVisibleAt = performance.now()
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})()`

export async function visit(browser: Browser, base: string, spec: PageSpec): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' })
  try {
    await context.addInitScript({ content: watchContent(spec.content) })
    const page = await context.newPage()
    await page.goto(`${base}?openid=${OPENID}#${spec.route}`)
    const at = await page.waitForFunction(() => window.__contentVisibleAt, undefined, {
      timeout: 30_000,
    })
    const visibleMs = Math.round((await at.jsonValue()) as number)
    // What the page fetches after its content (a lazy chunk) counts to its weight too.
    await page.waitForLoadState('networkidle')
    const scripts = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.js(\?|$)/.test(new URL(e.name).pathname))
        .map((e) => ({ url: e.name, transferred: e.transferSize, decoded: e.decodedBodySize })),
    )
    return { visibleMs, scripts }
  } catch (err) {
    throw new Error(`${spec.name} (${spec.route}): content ${spec.content} not shown: ${err}`)
  } finally {
    await context.close()
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]
const sum = (scripts: Script[], key: 'transferred' | 'decoded') =>
  scripts.reduce((n, s) => n + s[key], 0)
const fileOf = (url: string) => new URL(url).pathname.replace(/^\//, '')

function pageReport(spec: PageSpec, visits: Visit[], homeUrls: Set<string>) {
  const scripts = visits[visits.length - 1].scripts
  const beyond = scripts.filter((s) => !homeUrls.has(s.url))
  const visibleMs = median(visits.map((v) => v.visibleMs))
  const jsBeyondHomeBytes = median(
    visits.map((v) =>
      sum(
        v.scripts.filter((s) => !homeUrls.has(s.url)),
        'transferred',
      ),
    ),
  )
  return {
    page: spec.name,
    route: spec.route,
    contentVisibleMs: { runs: visits.map((v) => v.visibleMs), median: visibleMs },
    jsTransferredBytes: median(visits.map((v) => sum(v.scripts, 'transferred'))),
    jsDecodedBytes: sum(scripts, 'decoded'),
    jsBeyondHomeBytes,
    filesBeyondHome: beyond.map((s) => ({ file: fileOf(s.url), transferred: s.transferred })),
    budget: {
      contentVisible: verdict(visibleMs <= H5_BUDGETS.contentVisibleMs),
      jsBeyondHome: verdict(jsBeyondHomeBytes <= H5_BUDGETS.jsBeyondHomeBytes),
    },
  }
}

/** Every page measured; the totals of a session that opens every module after home. */
export function h5Bench() {
  return withBenchCloud('h5', async (local) => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    })
    try {
      for (const spec of PAGES) await visit(browser, local.url, spec) // warm-up, unmeasured
      const visits = new Map<PageSpec, Visit[]>(PAGES.map((p) => [p, []]))
      // Rounds over all pages rather than one page thrice: a passing load spike hits each alike.
      for (let run = 0; run < RUNS; run++)
        for (const spec of PAGES) visits.get(spec)!.push(await visit(browser, local.url, spec))
      const homeScripts = visits.get(PAGES[0])!.flatMap((v) => v.scripts)
      const homeUrls = new Set(homeScripts.map((s) => s.url))
      const pages = PAGES.map((spec) => pageReport(spec, visits.get(spec)!, homeUrls))
      const session = new Map<string, number>()
      for (const spec of PAGES.slice(1))
        for (const s of visits.get(spec)!.at(-1)!.scripts)
          if (!homeUrls.has(s.url)) session.set(s.url, s.transferred)
      return {
        viewport: VIEWPORT,
        openid: OPENID,
        runs: RUNS,
        budgets: H5_BUDGETS,
        homeJsTransferredBytes: pages[0].jsTransferredBytes,
        everyModuleBeyondHomeBytes: [...session.values()].reduce((a, b) => a + b, 0),
        pages,
        result: verdict(
          pages.every(
            (p) => p.budget.contentVisible === 'PASS' && p.budget.jsBeyondHome === 'PASS',
          ),
        ),
      }
    } finally {
      await browser.close()
    }
  })
}

export function printH5(report: Awaited<ReturnType<typeof h5Bench>>) {
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`
  console.log(
    `  home ${kb(report.homeJsTransferredBytes)} of JS; every module after home ${kb(report.everyModuleBeyondHomeBytes)} more`,
  )
  console.log('  page              visible (median; runs)        JS total    beyond home')
  for (const p of report.pages) {
    const runs = p.contentVisibleMs.runs.join('/')
    console.log(
      `  ${p.budget.contentVisible} ${p.budget.jsBeyondHome} ${p.page.padEnd(8, '　')} ${String(p.contentVisibleMs.median).padStart(4)} ms (${runs})`.padEnd(
        52,
      ) + `${kb(p.jsTransferredBytes).padStart(10)}  ${kb(p.jsBeyondHomeBytes).padStart(10)}`,
    )
  }
  console.log(
    `  ${report.result}: content visible ≤ ${report.budgets.contentVisibleMs} ms, JS beyond home ≤ ${kb(report.budgets.jsBeyondHomeBytes)} per page`,
  )
}
