export default definePageConfig({
  navigationBarTitleText: '共有资金情况',
})
