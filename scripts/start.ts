/**
 * `npm start`: builds what is stale, then runs the local cloud (seeded on first start) and prints
 * its URL and the demo identities. LOCAL_CLOUD_NO_BUILD=1 skips building; other LOCAL_CLOUD_*
 * variables configure the cloud (server/local-cloud/config.ts).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { optionsFromEnv, readyLine, startLocalCloud } from '../server/local-cloud'
import { ROOT, withDefaults } from '../server/local-cloud/config'
import { DEMO_USERS, DEFAULT_DEMO_OPENID } from '../server/seed/demo-users'

const H5_BUILD = join(ROOT, 'dist', 'h5')

function run(script: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const { status } = spawnSync(npm, ['run', script], { cwd: ROOT, stdio: 'inherit' })
  if (status !== 0) throw new Error(`npm run ${script} failed (exit ${status})`)
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs
    newest = Math.max(newest, mtime)
  }
  return newest
}

function h5IsStale(): boolean {
  const index = join(H5_BUILD, 'index.html')
  if (!existsSync(index)) return true
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'types')))
  return sources > statSync(index).mtimeMs
}

function build(h5Dir: string): void {
  if (process.env.LOCAL_CLOUD_NO_BUILD === '1') return
  run('build:functions')
  // Only the default output is ours to rebuild; a custom LOCAL_CLOUD_H5_DIR is served as it is.
  if (h5Dir === H5_BUILD && h5IsStale()) {
    console.log('H5 build missing or older than src/ or types/: building (this takes a while)…')
    run('build:h5')
  }
}

function printUsers(url: string): void {
  console.log('\nDemo identities (H5: identity switcher; API: header X-WX-OPENID):')
  for (const user of DEMO_USERS) {
    const mark = user.openid === DEFAULT_DEMO_OPENID ? ' (default)' : ''
    console.log(`  ${user.openid.padEnd(16)} ${user.label} — ${user.description}${mark}`)
  }
  console.log(
    `\nDev endpoints: ${url}__dev/users  ${url}__dev/outbox  ${url}__dev/collections/<name>`,
  )
}

async function main(): Promise<void> {
  const options = optionsFromEnv()
  build(withDefaults(options).h5Dir)
  const cloud = await startLocalCloud(options)
  console.log(readyLine(cloud.url))
  printUsers(cloud.url)
  const stop = () => cloud.close().finally(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error((err as Error).message ?? err)
  process.exit(1)
})
