/**
 * `npm run deploy` (scripts/deploy.ts, issue 16 §18) uploads only with everything it needs: without
 * a key, an AppID or a cloud environment it says which, in Chinese, and exits non-zero before it
 * builds or uploads anything.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deploySettings } from '../../scripts/deploy'

const ROOT = join(__dirname, '..', '..')

/** A checkout as a deployer has it: project.config.json, package.json and maybe .env.local. */
function checkout(appid: string, envLocal?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-'))
  writeFileSync(
    join(dir, 'project.config.json'),
    JSON.stringify({ appid, miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'cloudfunctions/' }),
  )
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '1.2.3' }))
  if (envLocal !== undefined) writeFileSync(join(dir, '.env.local'), envLocal)
  return dir
}

it('npm run deploy without a key names what is missing, uploads nothing and exits non-zero', () => {
  const env = { ...process.env }
  for (const name of ['MP_PRIVATE_KEY', 'MP_PRIVATE_KEY_PATH']) delete env[name]
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'deploy.ts')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  })
  expect(run.status).toBe(2)
  expect(run.stderr).toContain('缺少以下设置，未构建也未上传任何内容')
  expect(run.stderr).toContain('MP_PRIVATE_KEY（密钥内容）或 MP_PRIVATE_KEY_PATH（密钥文件路径）')
  expect(run.stdout).not.toContain('Uploading')
})

it('lists every missing setting at once: the key, the AppID, the cloud environment', () => {
  const found = deploySettings({}, checkout('touristappid'))
  expect(found.ok).toBe(false)
  const missing = found.ok ? [] : found.missing
  expect(missing).toHaveLength(3)
  expect(missing[0]).toMatch(/^上传密钥：设置 MP_PRIVATE_KEY/)
  expect(missing[1]).toBe(
    'AppID：project.config.json 的 appid 仍是 touristappid，填入小程序的 AppID。',
  )
  expect(missing[2]).toMatch(/^云开发环境 ID：设置 TARO_APP_CLOUD_ENV/)
})

it('says when the key file cannot be read', () => {
  const found = deploySettings(
    { MP_PRIVATE_KEY_PATH: '/nonexistent/private.key', TARO_APP_CLOUD_ENV: 'prod-1a2b' },
    checkout('wx0123456789abcdef'),
  )
  expect(found).toEqual({
    ok: false,
    missing: ['上传密钥：MP_PRIVATE_KEY_PATH 指向的文件读不到（/nonexistent/private.key）。'],
  })
})

it('takes the key file, the AppID and the environment of .env.local, the version of package.json', () => {
  const dir = checkout('wx0123456789abcdef', '# own settings\nTARO_APP_CLOUD_ENV=prod-1a2b\n')
  const keyFile = join(dir, 'private.key')
  writeFileSync(keyFile, '-----BEGIN RSA PRIVATE KEY-----\n…')
  const found = deploySettings({ MP_PRIVATE_KEY_PATH: keyFile }, dir)
  expect(found.ok && found.settings).toMatchObject({
    privateKey: '-----BEGIN RSA PRIVATE KEY-----\n…',
    appid: 'wx0123456789abcdef',
    cloudEnv: 'prod-1a2b',
    version: '1.2.3',
  })
})
