export default definePageConfig({
  navigationBarTitleText: '大额资金转账',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
