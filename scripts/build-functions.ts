/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts + the shared types and kernel) into
 * cloudfunctions/<name>/index.js, the file WeChat DevTools uploads with 上传并部署. Packages the
 * function's own package.json lists (wx-server-sdk, an SMS SDK…) stay external: the cloud installs
 * them from that package.json. Then each function's config.json is checked against what its built
 * code calls: a `cloud.openapi` call it does not list fails in WeChat (errCode -604101), so here it
 * fails the build.
 */
import { build, type Plugin } from 'esbuild'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { checkFunctionConfig } from '../server/local-cloud/function-config'

const ROOT = resolve(__dirname, '..')
export const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FUNCTIONS_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

function externalsOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
  }
  if (!pkg.dependencies?.['wx-server-sdk'])
    throw new Error(`${dir}/package.json must depend on wx-server-sdk`)
  return Object.keys(pkg.dependencies)
}

const KERNEL_DIR = join(ROOT, 'server', 'kernel')
const KERNEL_ENTRY = join(KERNEL_DIR, 'index.ts')
const RESOLVING = Symbol('kernel-internals')

/**
 * A function imports the kernel through its one entry (server/kernel/index.ts), which re-exports
 * the kernel's other files. Those files do nothing when loaded, so they are declared free of side
 * effects: a file of which a function uses nothing (and what only it imports, such as another
 * module's contract) stays out of that function's bundle. The entry itself (cloud.init) is kept.
 */
const kernelInternals: Plugin = {
  name: 'kernel-internals',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData === RESOLVING) return undefined
      if (!resolve(args.resolveDir, args.path).startsWith(KERNEL_DIR)) return undefined
      const { path, errors } = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: RESOLVING,
      })
      if (errors.length || path === KERNEL_ENTRY || dirname(path) !== KERNEL_DIR) return undefined
      return { path, sideEffects: false }
    })
  },
}

export class FunctionConfigCheckFailed extends Error {
  constructor(problems: string[]) {
    super(`Cloud function config.json check failed:\n  - ${problems.join('\n  - ')}`)
    this.name = 'FunctionConfigCheckFailed'
  }
}

function configProblems(name: string): string[] {
  const dir = join(FUNCTIONS_DIR, name)
  const configFile = join(dir, 'config.json')
  return checkFunctionConfig(
    `cloudfunctions/${name}`,
    readFileSync(join(dir, 'index.js'), 'utf8'),
    existsSync(configFile) ? readFileSync(configFile, 'utf8') : null,
  )
}

/** Throws FunctionConfigCheckFailed naming every function whose config.json does not fit its code. */
export function checkConfigs(names = functionNames()): void {
  const problems = names.flatMap(configProblems)
  if (problems.length) throw new FunctionConfigCheckFailed(problems)
}

export async function buildFunctions(names = functionNames()): Promise<void> {
  await Promise.all(
    names.map((name) => {
      const dir = join(FUNCTIONS_DIR, name)
      return build({
        entryPoints: [join(dir, 'index.ts')],
        outfile: join(dir, 'index.js'),
        bundle: true,
        platform: 'node',
        // The oldest Node runtime the WeChat cloud still offers for new functions.
        target: 'node16',
        format: 'cjs',
        // The SMS SDK is loaded lazily by the kernel; functions that send SMS list it in package.json.
        external: [...new Set([...externalsOf(dir), 'tencentcloud-sdk-nodejs-sms'])],
        minify: false,
        legalComments: 'none',
        logLevel: 'warning',
        banner: { js: '// Built by scripts/build-functions.ts from index.ts: do not edit.' },
        plugins: [kernelInternals],
      })
    }),
  )
  // The bundle, not the source: the openapi calls are in the kernel it pulls in.
  checkConfigs(names)
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions()
    .then(() =>
      console.log(`Built ${functionNames().length} cloud functions in ${Date.now() - started} ms`),
    )
    .catch((err) => {
      console.error(err instanceof FunctionConfigCheckFailed ? err.message : err)
      process.exit(1)
    })
}
