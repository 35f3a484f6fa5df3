/**
 * The production PC build (`npm run build:pc`) is the H5 app without the development identity
 * switcher: Taro's `--mode pc` reads .env.pc (TARO_APP_PC=1, defined into the app), and the app's
 * page list leaves out pages/dev when that flag is set. The local H5 build keeps the switcher.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..', '..')

function pagesWith(env: Record<string, string>): string[] {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  ;(globalThis as { defineAppConfig?: unknown }).defineAppConfig = (c: unknown) => c
  try {
    let config: { pages: string[] } | undefined
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded afresh per env
      config = (require('../../src/app.config') as { default: { pages: string[] } }).default
    })
    return config!.pages
  } finally {
    process.env = saved
  }
}

test('the PC build lists no dev page; the local H5 build does', () => {
  expect(pagesWith({ TARO_ENV: 'h5', TARO_APP_PC: '1' })).not.toContain('pages/dev/identity/index')
  expect(pagesWith({ TARO_ENV: 'h5', TARO_APP_PC: '' })).toContain('pages/dev/identity/index')
  expect(pagesWith({ TARO_ENV: 'weapp', TARO_APP_PC: '' })).not.toContain(
    'pages/dev/identity/index',
  )
})

test('npm run build:pc builds in mode pc, whose env file sets the flag the app reads', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  expect(pkg.scripts['build:pc']).toMatch(/TARO_APP_PC=1 taro build --type h5 --mode pc/)
  expect(readFileSync(join(ROOT, '.env.pc'), 'utf8')).toMatch(/^TARO_APP_PC=1$/m)
  // Defined (empty) for every other build, so the app can read it everywhere.
  expect(readFileSync(join(ROOT, '.env'), 'utf8')).toMatch(/^TARO_APP_PC=$/m)
})
