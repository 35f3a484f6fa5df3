/**
 * The opening every function test file shares: a cloud started before the file's tests (the
 * run's shared one, reset to its seed, unless `options` ask for an own one) and stopped after them.
 *
 *   const cloud = fileCloud({ env: SDK_ENV })
 *   const funds = caller(cloud, FundsContract, 'demo-manager')
 *
 * It is registered first, so the file's own beforeAll (makeEnv(cloud, …), a clock…) runs on a
 * started cloud. What it answers stands for that cloud: used before beforeAll, it throws.
 */
import { startCloud, type StartCloudOptions, type TestCloud } from '../support/cloud'

export function fileCloud(options?: StartCloudOptions): TestCloud {
  let started: TestCloud | undefined
  beforeAll(async () => {
    started = await startCloud(options)
  }, 60_000)
  afterAll(() => started?.stop())
  return new Proxy({} as TestCloud, {
    get(_target, key) {
      if (!started)
        throw new Error('the file’s cloud starts in beforeAll: use it inside a hook or test')
      const value: unknown = Reflect.get(started, key)
      return typeof value === 'function' ? value.bind(started) : value
    },
  })
}
