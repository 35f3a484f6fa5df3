export default definePageConfig({
  navigationBarTitleText: '信息公开详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
