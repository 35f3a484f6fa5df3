/**
 * `npm run quality`: WeChat DevTools' 代码质量 scan (miniprogram-ci's checkCodeQuality: package
 * sizes, JS/WXML/WXSS compression, lazyCodeLoading, images, unused code…) on the repository as
 * DevTools opens it, with the built mini program (`npm run build:weapp` first). Offline; no key.
 * Prints every check and exits 1 when one fails. `--out <file>`: also writes the results as JSON.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkCodeQuality } from 'miniprogram-ci'
import { projectConfig, repoProject, ROOT } from './wechat-ci'

async function main(): Promise<number> {
  const app = join(ROOT, projectConfig().miniprogramRoot, 'app.json')
  if (!existsSync(app)) {
    console.error(`${app} missing: run \`npm run build:weapp\` first`)
    return 1
  }
  const results = await checkCodeQuality(await repoProject('scan-reads-no-key'))
  console.log('\n代码质量 (WeChat DevTools scan)')
  for (const r of results) console.log(`  ${r.success ? 'PASS' : 'FAIL'} ${r.name}: ${r.text}`)
  const out = process.argv.indexOf('--out')
  if (out > 0) writeFileSync(process.argv[out + 1], JSON.stringify(results, null, 2))
  const failed = results.filter((r) => !r.success).length
  console.log(`  ${results.length - failed} of ${results.length} checks pass`)
  return failed === 0 && results.length > 0 ? 0 : 1
}

// The scan leaves a file watcher on the mini program running: exit explicitly.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
