import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { createRequire } from 'node:module'
import { relative, resolve, sep } from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

/** Silences sass's own deprecation noise from taro-ui's `@import` / `/` (toolchain.md §3.6). */
const sassLoaderOption = { sassOptions: { silenceDeprecations: ['import', 'slash-div'] } }

/** Outside src/ Taro compiles nothing unless told: the shared contract in types/ is TypeScript. */
const compile = { include: [resolve(__dirname, '..', 'types')] }

/** The loader that scopes src/pages/<module>/ styles to `.mod-<module>` (see scope-styles.js). */
const SCOPE_STYLES = resolve(__dirname, 'scope-styles.js')
const PAGES_DIR = resolve(__dirname, '..', 'src', 'pages')

/** webpack-chain's config, reduced to what scopeStyles walks. */
interface Chain {
  module: { rules: { values(): unknown[] } }
}
// webpack-chain's rule, reduced to what scopeStyles walks.
interface ChainRule {
  uses: { entries(): Record<string, { get(key: 'loader'): string }> | undefined }
  use(name: string): {
    loader(path: string): { options(o: object): { before(name: string): unknown } }
  }
  oneOfs: { values(): ChainRule[] }
  rules: { values(): ChainRule[] }
}

/**
 * Puts the scoping loader right after every sass-loader (both builds), where sass's source map
 * still tells taro-ui's inlined rules from the page's own. Fails the build if there is none.
 */
function scopeStyles(chain: Chain, platform: 'h5' | 'mini') {
  let added = 0
  const visit = (rule: ChainRule) => {
    for (const [name, use] of Object.entries(rule.uses.entries() ?? {})) {
      if (!/[\\/]sass-loader[\\/]/.test(use.get('loader') ?? '')) continue
      rule
        .use('scopeStyles')
        .loader(SCOPE_STYLES)
        .options({ pagesDir: PAGES_DIR, platform })
        .before(name)
      added++
    }
    rule.oneOfs.values().forEach(visit)
    rule.rules.values().forEach(visit)
  }
  ;(chain.module.rules.values() as unknown as ChainRule[]).forEach(visit)
  if (!added) throw new Error('scopeStyles: no sass-loader in the webpack config to scope after')
}

/** What a splitChunks test sees of a module. */
interface ChunkModule {
  type?: string
  resource?: string
}

const REPO = resolve(__dirname, '..')
const inRepo = (m: ChunkModule) =>
  relative(REPO, m.resource ?? '')
    .split(sep)
    .join('/')
// Scripts only: the CSS stays with each page, in the order the page's styles expect.
const isScript = (m: ChunkModule) => (m.type ?? '').startsWith('javascript')
const isLibrary = (m: ChunkModule) => isScript(m) && /(^|\/)node_modules\//.test(inRepo(m))
/** The app's own shared code: contracts (types/), components, hooks, services — not a module's. */
const isSharedSource = (m: ChunkModule) =>
  isScript(m) && /^(types\/|src\/(?!pages\/))/.test(inRepo(m))

/**
 * H5 code splitting. Taro's own (chunks: 'initial') splits only the entry, but every page is an
 * async chunk (the router imports it when opened), so each page carried its own copy of
 * @tarojs/components, the Taro API, zod, taro-ui and the contracts: 26 of 30 chunks held them.
 * Here async chunks are split too: libraries used by 3 or more pages in one `vendors` file, the
 * app's shared code used by 5 or more in one `common` file (both cached once, loaded with the
 * first page), and what fewer pages share (安全检查's swiper) in chunks of their own. A page's own
 * chunk is then only the page. Scripts only: each page keeps its CSS, in the order it had.
 */
const H5_SPLIT_CHUNKS = {
  chunks: 'all' as const,
  minSize: 0,
  cacheGroups: {
    default: false as const,
    defaultVendors: false as const,
    vendors: { name: 'vendors', test: isLibrary, minChunks: 3, priority: 30, enforce: true },
    common: { name: 'common', test: isSharedSource, minChunks: 5, priority: 20, enforce: true },
    // Under 20 KB a chunk of its own costs a request more than the copy it saves.
    shared: {
      test: isScript,
      minChunks: 2,
      minSize: 20_000,
      priority: 10,
      reuseExistingChunk: true,
    },
  },
}

/** html-webpack-plugin as Taro's H5 build has it (its hooks are per instance of the module). */
interface HtmlPlugin {
  getHooks(compilation: unknown): {
    alterAssetTagGroups: {
      tap(name: string, fn: (data: HtmlTagGroups) => HtmlTagGroups): void
    }
  }
  createHtmlTagObject(tag: string, attributes: Record<string, string>): unknown
}
interface HtmlTagGroups {
  headTags: unknown[]
  publicPath: string
}
interface Compilation {
  namedChunks: Map<string, { files: Set<string> }>
}
interface Compiler {
  hooks: { compilation: { tap(name: string, fn: (c: Compilation) => void): void } }
}

/**
 * `<link rel="preload">` for the shared chunks in index.html: the router asks for them only
 * once app.js has run, so without it they download after it instead of beside it.
 */
class PreloadSharedChunks {
  apply(compiler: Compiler) {
    const runner = createRequire(require.resolve('@tarojs/webpack5-runner'))
    const html = runner('html-webpack-plugin') as HtmlPlugin
    compiler.hooks.compilation.tap('PreloadSharedChunks', (compilation) => {
      html.getHooks(compilation).alterAssetTagGroups.tap('PreloadSharedChunks', (data) => {
        const files = ['vendors', 'common'].flatMap((name) => [
          ...(compilation.namedChunks.get(name)?.files ?? []),
        ])
        const links = files
          .filter((file) => file.endsWith('.js'))
          .map((file) =>
            html.createHtmlTagObject('link', {
              rel: 'preload',
              as: 'script',
              href: data.publicPath + file,
            }),
          )
        return { ...data, headTags: [...links, ...data.headTags] }
      })
    })
  }
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'sz-property-handler',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // dist/weapp (WeChat DevTools' miniprogramRoot), dist/h5 (served by the local cloud) and
    // dist/pc (the production PC build for static hosting: npm run build:pc).
    outputRoot: `dist/${process.env.TARO_APP_PC === '1' ? 'pc' : process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      sassLoaderOption,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        scopeStyles(chain, 'mini')
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Without it pxtransform skips taro-ui's CSS on H5 and taro-ui renders at twice its size.
      esnextModules: ['taro-ui'],
      compile,
      sassLoaderOption,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // React + the Taro H5 runtime are ~330 KiB before any page: budget the first load instead of
      // webpack's 244 KiB default, so a warning means real growth. The two larger files are
      // fetched only when needed: ECharts when a chart is drawn, hls.js when a video plays.
      webpackChain(chain) {
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(400 * 1024)
        chain.optimization.splitChunks(H5_SPLIT_CHUNKS)
        chain.plugin('preloadSharedChunks').use(PreloadSharedChunks)
        scopeStyles(chain, 'h5')
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
