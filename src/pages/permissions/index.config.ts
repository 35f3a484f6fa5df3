export default definePageConfig({
  navigationBarTitleText: '权限管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
