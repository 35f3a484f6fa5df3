/**
 * What the e2e files share to drive the H5 app: visible test ids, form fields and buttons, the SMS
 * code button, paged lists and direct calls for the expected figures. Built from a getter because
 * each file launches its app in beforeAll, after these are defined.
 */
import type { Locator, Page, Request } from 'playwright-core'
import type { Result } from '../../types/errors'
import type { App } from './browser'

/** 张建国's 身份证号码 (server/seed/people.ts) as every module shows it. */
export const ZHANG_ID_SHOWN = '440305********0318'

/** A function call the page made: name, action and parameters. */
export interface Call {
  fn: string
  event: Record<string, unknown>
}

/** The function call `req` is, if it is one. */
export function callOf(req: Request): Call | undefined {
  const m = /\/api\/functions\/([^/?]+)/.exec(req.url())
  if (!m || req.method() !== 'POST') return undefined
  return { fn: decodeURIComponent(m[1]), event: JSON.parse(req.postData() ?? '{}') }
}

/** The function calls a page makes, recorded from its requests (`page.on('request', log.record)`). */
export class CallLog {
  calls: Call[] = []
  readonly record = (req: Request): void => {
    const call = callOf(req)
    if (call) this.calls.push(call)
  }
  clear(): void {
    this.calls = []
  }
  /** The recorded calls of `fn`'s `action`. */
  of(fn: string, action: string): Call[] {
    return this.calls.filter((c) => c.fn === fn && c.event.action === action)
  }
}

export function pageKit(app: () => App) {
  const page = () => app().page
  const byId = (id: string, scope?: Page | Locator) =>
    (scope ?? page()).locator(`[data-testid="${id}"]:visible`)

  /** Rows of a PagedList, after tapping 加载更多 until 没有更多了. */
  async function loadAll(testId: string): Promise<Locator> {
    const rows = byId(`${testId}-row`)
    await rows.first().waitFor()
    for (let i = 0; i < 20; i++) {
      const footer = byId(`${testId}-more`)
      const text = await footer.innerText()
      if (text.includes('没有更多了')) break
      const before = await rows.count()
      await footer.click()
      await page().waitForFunction(
        ([sel, n]) => document.querySelectorAll(sel as string).length > (n as number),
        [`[data-testid="${testId}-row"]`, before],
      )
    }
    return rows
  }

  /** Resolves when the page's next `fn.action` call has answered, and the answer is on screen. */
  async function answered(fn: string, action: string, act: () => Promise<unknown>): Promise<void> {
    const reply = page().waitForResponse(
      (r) =>
        r.url().endsWith(`/api/functions/${fn}`) && r.request().postDataJSON()?.action === action,
    )
    await act()
    await reply
    await page().evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))))
  }

  return {
    byId,
    /** Opens the app as `openid` at `route` (a fresh load, so the URL's openid is applied). */
    openAs: (openid: string, route: string) => app().openAs(openid, route),
    /** Waits until `locator` is on the page on top, once it has slid in (App.shown). */
    shown: (locator: Locator) => app().shown(locator),
    input: (field: string) => byId(`field-${field}`).locator('input'),
    fieldError: (field: string) => byId(`field-${field}-error`),
    button: (text: string, scope?: Page | Locator) =>
      (scope ?? page()).locator('.at-button:visible', { hasText: text }),
    /** A button wrapped in `data-testid` (taro-ui's AtButton takes no data attributes). */
    tap: (id: string, scope?: Page | Locator) => byId(id, scope).locator('.at-button').click(),
    codeButton: () => byId('sms-code-button'),
    waitCountdown: () =>
      page()
        .locator('[data-testid=sms-code-button]:visible', { hasText: /重新获取\(\d+s\)/ })
        .waitFor(),
    tab: (key: string) => byId(`tab-${key}`),
    loadAll,
    answered,
    /** A function's data as `openid` calls it (the figures a page must show). */
    async api<T>(fn: string, event: object, openid = 'demo-manager'): Promise<T> {
      const r = await app().cloud.call<Result<T>>(fn, event, openid)
      if (!r.ok) throw new Error(`${fn}: ${r.error.code} ${r.error.message}`)
      return r.data
    },
  }
}
