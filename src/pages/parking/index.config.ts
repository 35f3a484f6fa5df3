export default definePageConfig({
  navigationBarTitleText: '车位信息公开',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
