export default definePageConfig({
  navigationBarTitleText: '信用详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
