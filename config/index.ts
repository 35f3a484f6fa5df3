import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { resolve } from 'node:path'
import devConfig from './dev'
import prodConfig from './prod'

/** Silences sass's own deprecation noise from taro-ui's `@import` / `/` (toolchain.md §3.6). */
const sassLoaderOption = { sassOptions: { silenceDeprecations: ['import', 'slash-div'] } }

/** Outside src/ Taro compiles nothing unless told: the shared contract in types/ is TypeScript. */
const compile = { include: [resolve(__dirname, '..', 'types')] }

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
      },
    },
  }

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
