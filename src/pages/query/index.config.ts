export default definePageConfig({
  navigationBarTitleText: '信息综合查询',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
