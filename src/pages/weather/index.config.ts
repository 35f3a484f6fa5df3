export default definePageConfig({
  navigationBarTitleText: '小区气象公告栏',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
