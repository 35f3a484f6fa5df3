/** Stops the run's shared local clouds (global-setup.js) and deletes their data. */
const { rmSync } = require('node:fs')

module.exports = async function globalTeardown() {
  const clouds = globalThis.__SHARED_CLOUDS__ ?? []
  await Promise.all(
    clouds.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', resolve)
          child.kill('SIGTERM')
          setTimeout(() => child.kill('SIGKILL'), 5000).unref()
        }),
    ),
  )
  for (const { dataDir } of clouds) rmSync(dataDir, { recursive: true, force: true })
}
