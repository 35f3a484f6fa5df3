/**
 * Loads the BUILT mini program (dist/weapp) into miniprogram-simulate (toolchain.md §4), with
 * `wx.cloud.callFunction` delegated to `callFunction(name, data)` supplied by the test, and every
 * navigation captured instead of performed.
 *
 * Plain CommonJS: the weapp jest project runs without a transform so that nothing rewrites dist/.
 */
const fs = require('node:fs')
const path = require('node:path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')

/*
 * Webpack runs a chunk's entry module once: a second simulate.load() of the same page or component
 * file registers nothing. Remember each file's Component() options and register them again when a
 * re-run of the file did not (pages: `replays` rebuilds the Page adapter with the new query).
 */
const simUtils = require('miniprogram-simulate/src/utils')
const simComponent = global.Component
const componentOptions = new Map()
const replays = new Map()
let running = null
global.Component = (options) => {
  if (running) {
    running.called = true
    if (!componentOptions.has(running.file)) componentOptions.set(running.file, options)
  }
  return simComponent(options)
}
const runJs = simUtils.runJs
simUtils.runJs = (file) => {
  running = { file, called: false }
  try {
    runJs(file)
  } finally {
    const ran = running
    running = null
    if (!ran.called) {
      if (replays.has(file)) replays.get(file)()
      else if (componentOptions.has(file)) simComponent(componentOptions.get(file))
    }
  }
}

/**
 * @param {{ callFunction: (name: string, data: object) => Promise<unknown> }} opts
 */
function bootApp({ callFunction }) {
  const calls = {
    navigateTo: [],
    redirectTo: [],
    reLaunch: [],
    cloudInit: [],
    callFunction: [],
    requestSubscribeMessage: [],
  }
  const pages = []
  let app = null
  /** wx storage (the app remembers the chosen project and the identity form's draft). */
  const storage = new Map()
  /** Function calls not answered yet. */
  let inFlight = 0

  const asyncApi =
    (record) =>
    (opts = {}) => {
      if (record) record.push(opts)
      const res = { errMsg: 'ok' }
      if (opts.success) opts.success(res)
      if (opts.complete) opts.complete(res)
      return Promise.resolve(res)
    }

  Object.assign(global.wx, {
    navigateTo: asyncApi(calls.navigateTo),
    redirectTo: asyncApi(calls.redirectTo),
    reLaunch: asyncApi(calls.reLaunch),
    stopPullDownRefresh: asyncApi(null),
    showToast: asyncApi(null),
    requestSubscribeMessage: asyncApi(calls.requestSubscribeMessage),
    setNavigationBarTitle: asyncApi(null),
    pageScrollTo: asyncApi(null),
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => {
      storage.set(key, JSON.parse(JSON.stringify(value)))
    },
    removeStorageSync: (key) => {
      storage.delete(key)
    },
    cloud: {
      init(opts) {
        calls.cloudInit.push(opts)
      },
      callFunction(opts) {
        calls.callFunction.push({ name: opts.name, data: opts.data })
        inFlight++
        const p = callFunction(opts.name, opts.data)
          .then((result) => ({
            result,
            errMsg: 'cloud.callFunction:ok',
          }))
          .finally(() => {
            inFlight--
          })
        p.then(
          (res) => opts.success && opts.success(res),
          (err) => opts.fail && opts.fail(err),
        )
        return p
      },
    },
  })

  global.App = (config) => {
    app = config
  }
  global.getApp = () => app
  global.getCurrentPages = () => pages

  /** Each route's Page() config: Taro's page chunk runs once, later loads replay it. */
  const pageConfigs = new Map()

  /** Taro's page config is a Page() object; simulate renders Components: adapt one to the other. */
  function registerPage(route, query, cfg) {
    const methods = {}
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v
    global.Component({
      data: cfg.data,
      methods,
      lifetimes: {
        attached() {
          this.route = route
          pages.push(this)
          this.onLoad(query)
          if (this.onShow) this.onShow()
        },
        ready() {
          if (this.onReady) this.onReady()
        },
        detached() {
          if (this.onUnload) this.onUnload()
          pages.splice(pages.indexOf(this), 1)
        },
      },
    })
  }

  require(path.join(DIST, 'app.js'))
  // WeChat starts an app with onLaunch, then onShow.
  const launch = { path: 'pages/home/index', query: {}, scene: 1001 }
  app.onLaunch(launch)
  app.onShow(launch)

  /**
   * The app goes to the background and comes back (WeChat's onHide, onShow): the session is
   * asked again, as for a new user of the same app (tests switch the caller this way). Resolves
   * once every function call has been answered.
   */
  async function foreground() {
    app.onHide()
    app.onShow(launch)
    await simulate.sleep(20)
    await settle()
  }

  /** Waits until no function call is in flight. */
  async function settle(timeoutMs = WAIT_MS) {
    await until(() => inFlight === 0, timeoutMs, 'function calls to be answered')
    await simulate.sleep(20)
  }

  let current = null

  /**
   * Loads, renders and attaches one page of the build (detaching the page opened before, as a
   * redirect would); returns the simulate component.
   */
  async function openPage(route, query = {}) {
    if (current) current.detach()
    global.Page = (cfg) => {
      pageConfigs.set(route, cfg)
      registerPage(route, query, cfg)
    }
    replays.set(path.join(DIST, route), () => registerPage(route, query, pageConfigs.get(route)))
    const id = simulate.load(path.join(DIST, route), { rootPath: DIST })
    const comp = simulate.render(id)
    const parent = global.document.createElement('parent-wrapper')
    comp.attach(parent)
    current = comp
    await simulate.sleep(50)
    return comp
  }

  /** Detaches the page opened last (before switching the caller, so it reacts to nothing). */
  function closePage() {
    if (current) current.detach()
    current = null
  }

  return { app, calls, pages, storage, openPage, closePage, foreground, settle }
}

/**
 * How long a wait may take at least. A wait ends as soon as its condition holds, so a long budget
 * costs a passing test nothing, while a short one fails a correct page on a busy machine (a
 * function call there can take seconds): a caller's shorter budget is raised to this.
 */
const WAIT_MS = 20_000

/** Waits until `check()` is truthy (the page renders after async cloud calls). */
async function until(check, timeoutMs = WAIT_MS, what = 'condition') {
  const budget = Math.max(timeoutMs, WAIT_MS)
  const started = Date.now()
  for (;;) {
    const v = check()
    if (v) return v
    if (Date.now() - started > budget) throw new Error(`timed out waiting for ${what}`)
    await simulate.sleep(25)
  }
}

/** The text a rendered page shows. */
const text = (page) => page.dom.textContent

/** The built app.json (pages, subpackages, preload rules). */
const builtAppJson = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))

/** The built app.json's subpackage at `root` (e.g. `pages/safety`): its pages. */
const subpackage = (root) => builtAppJson().subPackages.find((s) => s.root === root)

/** Every file of the build under `dir`. */
function distFiles(dir = DIST) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    return d.isDirectory() ? distFiles(p) : [p]
  })
}

/**
 * A stand-in for a WeChat async API (chooseMedia, chooseMessageFile …) that records each call's
 * options in `record` and answers `res`: through the callbacks, or as a promise without them.
 */
const answering = (record, res) => (opts) => {
  record.push(opts)
  if (!opts.success && !opts.fail && !opts.complete) return Promise.resolve(res)
  opts.success?.(res)
  opts.complete?.(res)
}

module.exports = {
  DIST,
  answering,
  ROOT,
  bootApp,
  until,
  simulate,
  text,
  builtAppJson,
  subpackage,
  distFiles,
}
