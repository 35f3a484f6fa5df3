/**
 * The start and end every browser test file shares: `useApp()` at the top of the file launches the
 * app (the local cloud serving dist/h5, headless Chromium, a phone-sized page) before its tests
 * and closes it after them. What it returns reads the running app when a test asks, so the file
 * can hold it from the start:
 *
 *   const app = useApp()
 *   const { openAs, shown, visible } = app
 *   test('…', async () => { await openAs('demo-handler', '/pages/todos/index'); app.page … })
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { launchApp, type App } from './browser'
import type { StartCloudOptions, TestCloud } from './cloud'
import { pageKit, type CallLog } from './pages'

export interface UseAppOptions {
  /** The local cloud's options (e.g. one of the file's own, with an SDK credential). */
  cloud?: StartCloudOptions
  /** The page's size instead of launchApp's 375 × 720 (e.g. 390 × 844, as `npm run bench`). */
  viewport?: { width: number; height: number }
  /** Records the page's function calls; emptied before each test. */
  log?: CallLog
  /** What every test of the file starts from, done once the app runs (data, listeners). */
  setup?: (app: App) => Promise<void> | void
  /** beforeAll's budget: starting, launching and `setup` on a busy machine (default 90 s). */
  timeoutMs?: number
}

export type AppHandle = ReturnType<typeof pageKit> & {
  readonly cloud: TestCloud
  readonly browser: Browser
  readonly context: BrowserContext
  readonly page: Page
  /** The visible elements with `data-testid` = `testId` (hidden pages hold the same ids). */
  visible(testId: string, scope?: Page | Locator): Locator
}

/** Registers the file's beforeAll / afterAll (and beforeEach for `log`); see the top of this file. */
export function useApp(options: UseAppOptions = {}): AppHandle {
  const { cloud, viewport, log, setup, timeoutMs = 90_000 } = options
  let app: App | undefined
  const current = (): App => {
    if (!app) throw new Error('the app runs from beforeAll on: call useApp() at a file’s top')
    return app
  }

  beforeAll(async () => {
    app = await launchApp(cloud)
    if (viewport) await app.page.setViewportSize(viewport)
    if (log) app.page.on('request', log.record)
    await setup?.(app)
  }, timeoutMs)
  if (log) beforeEach(() => log.clear())
  afterAll(async () => {
    await app?.close()
  })

  return {
    ...pageKit(current),
    visible: (testId, scope) => current().visible(testId, scope),
    get cloud() {
      return current().cloud
    },
    get browser() {
      return current().browser
    },
    get context() {
      return current().context
    },
    get page() {
      return current().page
    },
  }
}
