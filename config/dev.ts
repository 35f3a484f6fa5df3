import type { UserConfigExport } from '@tarojs/cli'

/** The local cloud (`npm start`): functions under /api, the dev identity list under /__dev. */
const LOCAL_CLOUD = 'http://127.0.0.1:8787'

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      host: '127.0.0.1',
      port: 10086,
      proxy: {
        '/api': { target: LOCAL_CLOUD, changeOrigin: true },
        '/__dev': { target: LOCAL_CLOUD, changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>
