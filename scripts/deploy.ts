/**
 * `npm run deploy`: builds the mini program and the cloud functions (`npm run build:weapp`), then
 * uploads through miniprogram-ci (WeChat's CI module) what DevTools' 上传 and 上传并部署 upload: the
 * mini program as a development version (ci.upload; the administrator submits it for review in the
 * 微信公众平台), and every cloud function with its config.json, dependencies installed in the cloud
 * (ci.cloud.uploadFunction). It needs, from the environment, never the repository:
 *   MP_PRIVATE_KEY (the key's text) or MP_PRIVATE_KEY_PATH (its file): the code upload key
 *     (微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传密钥, with this machine's IP whitelisted);
 *   TARO_APP_CLOUD_ENV (or in .env.local): the cloud environment id, built into the app too;
 * and project.config.json's appid set to the mini program's (not touristappid).
 * Optional: MP_VERSION (default package.json's version), MP_DESC (the version's note).
 * Without one of them it says which, uploads nothing and exits 2.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectConfig, repoProject, ROOT } from './wechat-ci'

export interface DeploySettings {
  privateKey: string
  appid: string
  cloudEnv: string
  version: string
  desc: string
}

type Env = Record<string, string | undefined>

/** A value of `.env.local` (Taro's file of one's own settings), or undefined. */
function envLocal(root: string, name: string): string | undefined {
  const file = join(root, '.env.local')
  if (!existsSync(file)) return undefined
  const line = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .find((l) => l.trim().startsWith(`${name}=`))
  return line?.slice(line.indexOf('=') + 1).trim() || undefined
}

function privateKey(env: Env, missing: string[]): string {
  if (env.MP_PRIVATE_KEY?.trim()) return env.MP_PRIVATE_KEY
  const path = env.MP_PRIVATE_KEY_PATH?.trim()
  if (!path) {
    missing.push(
      '上传密钥：设置 MP_PRIVATE_KEY（密钥内容）或 MP_PRIVATE_KEY_PATH（密钥文件路径）。' +
        '在微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传密钥 下载，并把本机 IP 加入白名单。',
    )
    return ''
  }
  try {
    return readFileSync(path, 'utf8')
  } catch {
    missing.push(`上传密钥：MP_PRIVATE_KEY_PATH 指向的文件读不到（${path}）。`)
    return ''
  }
}

/** What the deploy needs, or everything that is missing, each said in one line. */
export function deploySettings(
  env: Env,
  root = ROOT,
): { ok: true; settings: DeploySettings } | { ok: false; missing: string[] } {
  const missing: string[] = []
  const key = privateKey(env, missing)
  const { appid } = projectConfig(root)
  if (!appid || appid === 'touristappid')
    missing.push(`AppID：project.config.json 的 appid 仍是 ${appid || '空'}，填入小程序的 AppID。`)
  const cloudEnv = env.TARO_APP_CLOUD_ENV?.trim() || envLocal(root, 'TARO_APP_CLOUD_ENV')
  if (!cloudEnv)
    missing.push(
      '云开发环境 ID：设置 TARO_APP_CLOUD_ENV（环境变量或 .env.local），云开发 → 设置 → 环境 ID。',
    )
  if (missing.length > 0) return { ok: false, missing }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  return {
    ok: true,
    settings: {
      privateKey: key,
      appid,
      cloudEnv: cloudEnv!,
      version: env.MP_VERSION?.trim() || pkg.version,
      desc: env.MP_DESC?.trim() || `npm run deploy ${new Date().toISOString()}`,
    },
  }
}

function functionNames(): string[] {
  const dir = join(ROOT, projectConfig().cloudfunctionRoot)
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'config.json')))
    .map((d) => d.name)
    .sort()
}

async function deploy(s: DeploySettings): Promise<void> {
  console.log(`Building for ${s.cloudEnv} (npm run build:weapp)…`)
  execFileSync('npm', ['run', 'build:weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TARO_APP_CLOUD_ENV: s.cloudEnv },
  })
  const ci = await import('miniprogram-ci')
  const project = await repoProject(s.privateKey, s.appid)
  console.log(`Uploading the mini program ${s.version}…`)
  await ci.upload({
    project,
    version: s.version,
    desc: s.desc,
    setting: { useProjectConfig: true },
  })
  for (const name of functionNames()) {
    console.log(`Uploading cloud function ${name}…`)
    await ci.cloud.uploadFunction({
      project,
      env: s.cloudEnv,
      name,
      path: join(ROOT, projectConfig().cloudfunctionRoot, name),
      remoteNpmInstall: true,
    })
  }
  console.log(
    `Deployed ${s.version} to ${s.appid} / ${s.cloudEnv}. Set each function's timeout in the console too (README: Deploying).`,
  )
}

async function main(): Promise<number> {
  const found = deploySettings(process.env)
  if (!found.ok) {
    console.error('npm run deploy：缺少以下设置，未构建也未上传任何内容：')
    for (const m of found.missing) console.error(`  - ${m}`)
    console.error('见 README「Deploying to a real cloud environment」。')
    return 2
  }
  await deploy(found.settings)
  return 0
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
