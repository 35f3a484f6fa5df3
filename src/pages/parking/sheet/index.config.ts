export default definePageConfig({
  navigationBarTitleText: '车位信息公示单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
