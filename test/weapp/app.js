/**
 * The start and end every file shares that drives the BUILT mini program against the real local
 * cloud: `useWeapp()` at the top of the file starts the cloud and boots dist/weapp before its
 * tests, and stops both after them. What it returns reads them when a test asks:
 *
 *   const app = useWeapp({ caller: () => openid })
 *   test('…', async () => { const page = await app.boot.openPage(ROUTE); await app.cloud.call(…) })
 */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, bootApp } = require('./harness')
const { startCloud } = require('./cloud')

/**
 * @param {object} opts
 * @param {string | (() => string)} opts.caller the OPENID each function call goes as (a function
 *   is asked at every call, so a test may switch the caller)
 * @param {() => void} [opts.beforeBoot] puts the wx APIs Taro must find as the app loads
 * @param {(boot: ReturnType<typeof bootApp>, cloud: object) => void} [opts.afterBoot] replaces
 *   wx APIs that bootApp sets (wx.cloud, showToast)
 * @param {(send: Function) => Function} [opts.through] wraps wx.cloud.callFunction's sending (a
 *   test that drops a call)
 * @param {boolean} [opts.settle] waits for the launch's function calls (default true)
 * @param {boolean} [opts.sdk] a cloud of the file's own whose storage cloud.js's `putFile` writes
 *   (a phone's upload to an exact cloud path)
 */
function useWeapp({
  caller,
  beforeBoot,
  afterBoot,
  through = (send) => send,
  settle = true,
  sdk = false,
}) {
  const who = typeof caller === 'function' ? caller : () => caller
  let cloud
  let boot
  const running = (value) => {
    if (!value) throw new Error('the app runs from beforeAll on: call useWeapp() at a file’s top')
    return value
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'app.js')))
      throw new Error('dist/weapp is missing: run `npx taro build --type weapp` first')
    cloud = await startCloud({ sdk })
    if (beforeBoot) beforeBoot()
    boot = bootApp({ callFunction: through((name, data) => cloud.call(name, data, who())) })
    if (afterBoot) afterBoot(boot, cloud)
    if (settle) await boot.settle()
  }, 90_000)

  afterAll(async () => {
    // The page on top stops (its timers and calls) before the cloud does.
    if (boot) boot.closePage()
    if (cloud) await cloud.stop()
  })

  return {
    get cloud() {
      return running(cloud)
    },
    get boot() {
      return running(boot)
    },
    /** The function calls the app made since the last `reset`, as `name.action`. */
    fnCalls: () => running(boot).calls.callFunction.map((c) => `${c.name}.${c.data.action}`),
    /** Closes the page on top and forgets the calls recorded so far. */
    reset() {
      running(boot).closePage()
      for (const list of Object.values(boot.calls)) list.length = 0
    },
  }
}

module.exports = { useWeapp }
