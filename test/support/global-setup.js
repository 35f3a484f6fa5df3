/**
 * Function and local-cloud tests run the built function code (cloudfunctions/<name>/index.js),
 * the very file DevTools deploys: build it once per jest run (about a second).
 */
const { execFileSync } = require('node:child_process')
const { join } = require('node:path')

module.exports = async function globalSetup() {
  const root = join(__dirname, '..', '..')
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-functions.ts')], {
    cwd: root,
    stdio: 'inherit',
  })
}
