export default definePageConfig({
  navigationBarTitleText: '业主评价情况',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
