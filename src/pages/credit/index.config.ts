export default definePageConfig({
  navigationBarTitleText: '信用信息',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
