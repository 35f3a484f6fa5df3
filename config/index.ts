import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { resolve } from 'node:path'
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

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'sz-property-handler',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // dist/weapp (WeChat DevTools' miniprogramRoot) and dist/h5 (served by the local cloud).
    outputRoot: `dist/${process.env.TARO_ENV}`,
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
      // React + the Taro H5 runtime are ~310 KiB before any page: budget the first load instead of
      // webpack's 244 KiB default, so a warning means real growth.
      webpackChain(chain) {
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024)
        scopeStyles(chain, 'h5')
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
