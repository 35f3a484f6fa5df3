/**
 * Runs the test harness's local cloud (test/support/cloud.ts) for the weapp tests, which run in
 * jsdom without a TypeScript transform and so cannot load the harness themselves (esbuild refuses
 * jsdom's Buffer). Prints `CLOUD_URL <url>` when ready; stops the cloud when stdin closes.
 *
 *   node --import tsx test/weapp/cloud-child.ts
 *
 * With WEAPP_CLOUD_SDK=1, a cloud of its own that takes the test SDK's credential (cloud-put.ts
 * stores files with it).
 */
import { startCloud } from '../support/cloud'
import { SDK_ENV } from '../local-cloud/sdk'

async function main(): Promise<void> {
  const cloud = await startCloud(process.env.WEAPP_CLOUD_SDK ? { env: SDK_ENV } : {})
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    cloud.stop().finally(() => process.exit(0))
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.on('SIGTERM', stop)
  process.stdin.resume()
  process.stdout.write(`CLOUD_URL ${cloud.url}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
