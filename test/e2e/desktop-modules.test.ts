/**
 * Every module usable and unbroken at 1280×800 (issue 18 §5): for each module a manager holds,
 * its page opens from the desktop menu, shows its content (no error, nothing still loading) to
 * the right of the menu and below the header, and nothing of it runs off the side of the window
 * (no sideways scrolling, no element wider than the page). Modules with their own desktop
 * layouts have their own tests (desktop-*.test.ts); this one holds for all of them.
 */
import type { Session } from '../../types/account'
import type { Result } from '../../types/errors'
import { MODULES, type ModuleCode } from '../../types/modules'
import { useApp } from '../support/app'

const DESKTOP = { width: 1280, height: 800 }
const app = useApp({ viewport: DESKTOP })
const { openAs, visible } = app

let held: ModuleCode[] = []
beforeAll(async () => {
  const reply = await app.cloud.call<Result<Session>>('binding', { action: 'me' }, 'demo-manager')
  if (!reply.ok) throw new Error(reply.error.message)
  held = MODULES.filter((m) => reply.data.modules.includes(m.code)).map((m) => m.code)
})

/** What of the page shown reaches past its right edge, as `tag.class (right px)`. */
async function overflowing(): Promise<string[]> {
  return app.page.evaluate(() => {
    const page = document.querySelector('.taro_page.taro_page_show:last-of-type')
    if (!page) return ['no page shown']
    const edge = page.getBoundingClientRect().right + 1
    const out: string[] = []
    if (page.scrollWidth > page.clientWidth + 1)
      out.push(`page scrolls sideways (${page.scrollWidth})`)
    for (const el of Array.from(page.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.right <= edge) continue
      // Inside something that scrolls or clips sideways on purpose (a chip row): not overflow.
      let clipped = false
      for (let p = el.parentElement; p && p !== page; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX
        if (x !== 'visible') clipped = true
      }
      if (!clipped)
        out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.right)})`)
    }
    return out.slice(0, 5)
  })
}

test('every module a manager holds opens from the menu and fits 1280×800', async () => {
  expect(held.length).toBeGreaterThan(10)
  await openAs('demo-manager', '/pages/home/index')
  const menu = visible('desktop-menu')
  const header = visible('desktop-header')
  const problems: string[] = []
  for (const code of held) {
    await visible(`desktop-menu-module-${code}`).click()
    await app.page.waitForURL(new RegExp(`#/pages/${code}/index`))
    const content = app.page.locator(`.taro_page_show .mod-${code}:visible`).first()
    await content.waitFor()
    // Settled: nothing loading any more.
    await app.page
      .locator('.taro_page_show [data-testid$="-loading"]:visible, .module-gate__checking:visible')
      .first()
      .waitFor({ state: 'detached' })
    const errors = await app.page.locator('.taro_page_show .error-block:visible').allInnerTexts()
    if (errors.length) problems.push(`${code}: ${errors.join(' / ')}`)
    const box = (await content.boundingBox())!
    const menuBox = (await menu.boundingBox())!
    const headerBox = (await header.boundingBox())!
    if (box.x < menuBox.x + menuBox.width - 1) problems.push(`${code}: under the menu`)
    if (box.y < headerBox.y + headerBox.height - 1) problems.push(`${code}: under the header`)
    for (const o of await overflowing()) problems.push(`${code}: ${o}`)
  }
  expect(problems).toEqual([])
}, 180_000)
