/**
 * The BUILT mini program (dist/weapp, `npx taro build --type weapp`) in miniprogram-simulate,
 * with wx.cloud.callFunction carried over HTTP to the real local cloud running the real binding
 * function: what a handler sees on 物业服务 comes from the function, not from a mock.
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, ROOT, until, builtAppJson, distFiles } = require('./harness')
const { useWeapp } = require('./app')

const HOME = 'pages/home/index'

/** code → title, read from the shared contract (this project runs without a TS transform). */
const TITLES = Object.fromEntries(
  [
    ...fs
      .readFileSync(path.join(ROOT, 'types', 'modules.ts'), 'utf8')
      .matchAll(/code: '(\w+)', title: '([^']+)'/g),
  ].map((m) => [m[1], m[2]]),
)

let openid = 'demo-handler'
/** When set, the next wx.cloud.callFunction fails as a dropped connection does. */
let failNext = false

const app = useWeapp({
  caller: () => openid,
  // The app's first binding.me (at launch) fails: the first test retries it.
  beforeBoot() {
    failNext = true
  },
  through: (send) => (name, data) => {
    if (failNext) {
      failNext = false
      return Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' })
    }
    return send(name, data)
  },
  settle: false,
})

/** The app back from the background as `who` (the session is asked again), then 物业服务. */
async function openHomeAs(who) {
  openid = who
  const expected = await app.cloud.call('binding', { action: 'me' }, who)
  expect(expected.ok).toBe(true)
  app.reset()
  await app.boot.foreground()
  const page = await app.boot.openPage(HOME)
  return { page, session: expected.data }
}

const gridItems = (page) => page.querySelectorAll('.module-grid__item')

test('the weapp build has modules as subpackages and no dev-only code', () => {
  const appJson = builtAppJson()
  // 电脑端登录's confirm page is in the main package: a scanned code opens it without a download.
  expect(appJson.pages).toEqual(['pages/home/index', 'pages/binding/index', 'pages/pclogin/index'])
  expect(appJson.subPackages.map((s) => s.root)).toEqual(
    Object.keys(TITLES).map((code) => `pages/${code}`),
  )
  const offenders = []
  for (const file of distFiles()) {
    const text = fs.readFileSync(file, 'utf8')
    for (const needle of ['__dev', 'X-WX-OPENID', 'dev.openid', 'localStorage', '切换身份'])
      if (text.includes(needle)) offenders.push(`${path.relative(DIST, file)}: ${needle}`)
  }
  expect(offenders).toEqual([])
  expect(fs.existsSync(path.join(DIST, 'pages', 'dev'))).toBe(false)
})

test('the app’s first binding.me fails: the Chinese network error, and 重试 loads the page', async () => {
  // Launched in beforeAll with the first call failing; nothing asked since.
  openid = 'demo-handler'
  const page = await app.boot.openPage(HOME)
  await until(() => page.dom.textContent.includes('网络异常，请检查网络后重试'), 5000, 'error')
  expect(gridItems(page)).toHaveLength(0)
  expect(app.boot.calls.cloudInit.length).toBeGreaterThan(0)
  expect(app.boot.calls.callFunction).toEqual([{ name: 'binding', data: { action: 'me' } }])

  page.querySelector('.error-block__retry .at-button').dispatchEvent('tap')
  await until(() => gridItems(page).length > 0, 5000, 'grid after retry')
  const { data: session } = await app.cloud.call('binding', { action: 'me' }, 'demo-handler')
  expect(gridItems(page)).toHaveLength(session.modules.length)
  const names = app.boot.calls.callFunction.map((c) => `${c.name}.${c.data.action}`)
  expect(names.filter((n) => n === 'binding.me')).toHaveLength(2)
})

test('home shows exactly the demo handler’s modules and a tap opens that module', async () => {
  const { page, session } = await openHomeAs('demo-handler')
  expect(session.status).toBe('active')
  expect(session.modules.length).toBeGreaterThan(0)

  await until(() => gridItems(page).length > 0, 5000, 'the module grid')
  // The session was asked once, when the app came back; the page asked only for its count.
  expect(app.boot.calls.callFunction).toEqual([
    { name: 'binding', data: { action: 'me' } },
    { name: 'todos', data: { action: 'counts', projectId: session.projects[0]._id } },
  ])

  const text = page.dom.textContent
  expect(text).toContain(`您好，${session.account.name}`)
  expect(text).toContain(session.projects[0].name)

  // The badge on 待办事项 is the handler's pending count.
  const { data: counts } = await app.cloud.call('todos', { action: 'counts' }, 'demo-handler')
  await until(() => page.querySelectorAll('.module-grid__badge').length > 0, 5000, 'badge')
  expect(page.querySelector('.module-grid__badge').dom.textContent.trim()).toBe(
    String(counts.pending),
  )

  const items = gridItems(page)
  const titles = page.querySelectorAll('.module-grid__title')
  expect(titles.map((t) => t.dom.textContent.trim())).toEqual(
    session.modules.map((code) => TITLES[code]),
  )
  // Modules the handler was not granted are not on the page.
  for (const [code, title] of Object.entries(TITLES))
    if (!session.modules.includes(code)) expect(text).not.toContain(title)

  // Every grid item navigates to its own module page.
  for (const item of items) item.dispatchEvent('tap')
  await until(() => app.boot.calls.navigateTo.length === items.length, 2000, 'navigateTo calls')
  expect(app.boot.calls.navigateTo.map((c) => c.url)).toEqual(
    session.modules.map((code) => `/pages/${code}/index`),
  )
})

test('a pending handler sees the waiting card, a new user is sent to 身份认证', async () => {
  const pending = await openHomeAs('demo-pending')
  expect(pending.session.status).toBe('pending')
  await until(
    () => pending.page.dom.textContent.includes('等待项目负责人授权'),
    5000,
    'pending card',
  )
  expect(gridItems(pending.page)).toHaveLength(0)

  const newcomer = await openHomeAs('demo-newcomer')
  expect(newcomer.session.status).toBe('none')
  await until(() => app.boot.calls.redirectTo.length > 0, 5000, 'redirectTo')
  expect(app.boot.calls.redirectTo.map((c) => c.url)).toEqual(['/pages/binding/index'])
})
