/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for; a synchronous test on it is removed from the other build. */
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat cloud environment id, from .env / .env.local (weapp only; empty = default env). */
    TARO_APP_CLOUD_ENV?: string
    /** '1' in the production PC build (`npm run build:pc`): the web SDK, no dev switcher. */
    TARO_APP_PC?: string
  }
}
