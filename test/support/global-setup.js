/**
 * Once per jest run:
 * - builds the cloud functions: the tests run the built code (cloudfunctions/<name>/index.js), the
 *   very file DevTools deploys (about a second);
 * - starts the run's local clouds, one per jest worker, which the test files share
 *   (test/support/cloud.ts resets one to its seeded state before each file). A file that needs a
 *   cloud of its own (its own environment, a kill -9) starts one with startCloud({ own: true }).
 */
const { execFileSync, spawn } = require('node:child_process')
const { mkdtempSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join } = require('node:path')

const ROOT = join(__dirname, '..', '..')
const READY = /^Local cloud ready: (http:\/\/\S+)$/m

function startShared(index) {
  const dataDir = mkdtempSync(join(tmpdir(), `local-cloud-shared-${index}-`))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'server', 'local-cloud', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LOCAL_CLOUD_PORT: '0',
        LOCAL_CLOUD_HOST: '127.0.0.1',
        LOCAL_CLOUD_DATA: dataDir,
        LOCAL_CLOUD_SEED: '1',
        LOCAL_CLOUD_EXIT_ON_STDIN_END: '1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  )
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`shared local cloud did not start:\n${out}`)),
      60_000,
    )
    const onData = (chunk) => {
      out += chunk.toString()
      if (out.length > 20_000) out = out.slice(-10_000)
      const m = READY.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve({ child, url: m[1], dataDir })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk) => {
      out += chunk.toString()
      if (process.env.LOCAL_CLOUD_VERBOSE) process.stderr.write(chunk)
    })
    child.once('exit', (code) => reject(new Error(`shared local cloud exited (${code}):\n${out}`)))
  })
}

module.exports = async function globalSetup(globalConfig) {
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-functions.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  const workers = Math.max(1, globalConfig.maxWorkers || 1)
  const clouds = await Promise.all(Array.from({ length: workers }, (_, i) => startShared(i)))
  globalThis.__SHARED_CLOUDS__ = clouds
  // Workers start after this and inherit the environment: worker N uses cloud N.
  process.env.TEST_SHARED_CLOUDS = JSON.stringify(clouds.map((c) => c.url))
}
