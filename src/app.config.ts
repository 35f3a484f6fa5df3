import { MODULES } from '../types/modules'

// pclogin: the page a computer's 扫码登录 code opens (types/pclogin.ts PC_LOGIN.confirmPage).
const pages = ['pages/home/index', 'pages/binding/index', 'pages/pclogin/index']
// The dev identity switcher exists in the local H5 build only (it talks to the local cloud); the
// production PC build (npm run build:pc) has none.
if (process.env.TARO_ENV === 'h5' && process.env.TARO_APP_PC !== '1')
  pages.push('pages/dev/identity/index')

export default defineAppConfig({
  pages,
  // Every module is its own subpackage: pages/<code>/ with the pages types/modules.ts lists.
  subPackages: MODULES.map((m) => ({ root: `pages/${m.code}`, pages: [...m.pages] })),
  // Shown 物业服务, WeChat downloads these subpackages on any network, so those modules open at once
  // (types/modules.ts `preload`; WeChat allows 2 MB per page). H5 ignores it.
  preloadRule: {
    'pages/home/index': {
      network: 'all',
      packages: MODULES.filter((m) => m.preload).map((m) => `pages/${m.code}`),
    },
  },
  // WeChat injects only the components a page uses when it opens (DevTools' 代码质量 check).
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '物业服务',
    navigationBarBackgroundColor: '#1f6feb',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
    // H5: Taro's own navigation bar (title, and 返回 or 首页 on a sub-page); the browser has no
    // WeChat bar above the page. In WeChat 'default' is what it is anyway.
    navigationStyle: 'default',
  },
})
