export default definePageConfig({
  navigationBarTitleText: '项目信息',
})
