/**
 * The repository as WeChat DevTools opens it, for miniprogram-ci (WeChat's CI module): the root
 * with its project.config.json (appid, miniprogramRoot dist/weapp/, cloudfunctionRoot). Shared by
 * the code-quality scan and the deploy command.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Project } from 'miniprogram-ci'

export const ROOT = resolve(__dirname, '..')

export interface ProjectConfig {
  appid: string
  miniprogramRoot: string
  cloudfunctionRoot: string
}

export function projectConfig(root = ROOT): ProjectConfig {
  return JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as ProjectConfig
}

/**
 * `privateKey`: the upload key's text. The scan never reads it, but miniprogram-ci refuses a
 * project without one, so the scan passes a placeholder. The module is loaded here, when used:
 * it is large and starts services as it loads.
 */
export async function repoProject(
  privateKey: string,
  appid = projectConfig().appid,
): Promise<Project> {
  const ci = await import('miniprogram-ci')
  return new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKey,
    // Only what DevTools would upload: not the dependencies, the H5 build or test output.
    ignores: ['node_modules/**/*', '.git/**/*', 'dist/h5/**/*', 'test-results/**/*', '.bench/**/*'],
  })
}
