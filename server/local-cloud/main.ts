/**
 * Command-line entry: `node --import tsx server/local-cloud/main.ts`, configured by LOCAL_CLOUD_*
 * variables (config.ts). Prints the ready line once listening; the test harness waits for it.
 */
import { optionsFromEnv, readyLine, startLocalCloud } from './index'

async function main(): Promise<void> {
  const cloud = await startLocalCloud(optionsFromEnv())
  console.log(readyLine(cloud.url))
  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    cloud.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  // The harness holds our stdin: when it dies without a word, we go too.
  if (process.env.LOCAL_CLOUD_EXIT_ON_STDIN_END === '1') {
    process.stdin.on('end', shutdown)
    process.stdin.on('close', shutdown)
    process.stdin.resume()
  }
}

main().catch((err: unknown) => {
  console.error('[local-cloud] failed to start:', err)
  process.exit(1)
})
