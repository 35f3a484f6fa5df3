export default definePageConfig({
  navigationBarTitleText: '信息公开',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
