/**
 * Browser tests' start: the local cloud (serving the built dist/h5) and a phone-sized page in
 * Debian's headless Chromium, driven by playwright-core (no browser download).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core'
import { startCloud, type StartCloudOptions, type TestCloud } from './cloud'

export const ROOT = resolve(__dirname, '..', '..')

export interface App {
  cloud: TestCloud
  browser: Browser
  context: BrowserContext
  page: Page
  /** Opens `route` (a hash route: `/pages/…`) as the demo identity `openid`, from a blank page. */
  openAs(openid: string, route: string): Promise<void>
  /** Waits until the page on top (Taro keeps earlier ones hidden) shows `locator`. */
  shown(locator: Locator): Promise<void>
  /** The visible elements with `data-testid` = `testId` (hidden pages hold the same ids). */
  visible(testId: string, scope?: Page | Locator): Locator
  close(): Promise<void>
}

/** `cloudOptions`: the local cloud's (e.g. its own, with an SDK credential to change data). */
export async function launchApp(cloudOptions: StartCloudOptions = {}): Promise<App> {
  if (!existsSync(join(ROOT, 'dist', 'h5', 'index.html')))
    throw new Error('dist/h5 is missing: run `npx taro build --type h5` first')
  const cloud = await startCloud(cloudOptions)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const context = await browser.newContext({
    viewport: { width: 375, height: 720 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  // A wait ends when its condition holds; on a busy machine a page may take seconds.
  page.setDefaultTimeout(20_000)
  return {
    cloud,
    browser,
    context,
    page,
    async openAs(openid, route) {
      await page.goto('about:blank')
      await page.goto(`${cloud.url}?openid=${openid}#${route}`)
    },
    async shown(locator) {
      // taro_page_stationed: Taro's router adds it once the page has slid in (going back
      // mid-transition would leave the previous page hidden).
      await page
        .locator('.taro_page.taro_page_show.taro_page_stationed', { has: locator })
        .first()
        .waitFor()
    },
    visible: (testId, scope = page) => scope.locator(`[data-testid="${testId}"]:visible`),
    async close() {
      await browser.close()
      await cloud.stop()
    },
  }
}

/**
 * Where a test's screenshot goes: `test-results/` (gitignored) on every run, and the README's
 * `docs/` only when asked (`UPDATE_SCREENSHOTS=1 npm test`), so a test run leaves the tree clean.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs' : 'test-results'
  mkdirSync(join(ROOT, dir), { recursive: true })
  return join(ROOT, dir, name)
}
