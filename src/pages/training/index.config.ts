export default definePageConfig({
  navigationBarTitleText: '观看宣传培训',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
