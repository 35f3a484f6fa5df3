export default definePageConfig({
  navigationBarTitleText: '发布信息公开',
})
