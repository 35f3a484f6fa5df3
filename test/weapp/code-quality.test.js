/**
 * WeChat DevTools' 代码质量 panel on the repository as DevTools opens it (project.config.json and
 * the built dist/weapp), through miniprogram-ci's checkCodeQuality, offline (issue 16 §18): every
 * one of its 11 checks passes.
 */
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { ROOT } = require('./harness')

const CHECKS = [
  'PACKAGE_SIZE_LIMIT',
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES',
]

test('the code-quality scan passes every one of its 11 checks on the built mini program', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'code-quality-')), 'result.json')
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'code-quality.ts'), '--out', out],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  )
  const results = JSON.parse(fs.readFileSync(out, 'utf8'))
  expect(results.map((r) => r.name).sort()).toEqual([...CHECKS].sort())
  expect(results.filter((r) => !r.success).map((r) => `${r.name}: ${r.text}`)).toEqual([])
  // It scanned the build: the main package and the module subpackages were measured.
  const sizes = results.find((r) => r.name === 'PACKAGE_SIZE_LIMIT').detail
  expect(sizes.__APP__).toBeGreaterThan(0)
  expect(Object.keys(sizes)).toContain('pages/todos/')
  expect(run.stdout).toContain('11 of 11 checks pass')
  expect(run.status).toBe(0)
})
