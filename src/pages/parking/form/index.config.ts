export default definePageConfig({
  navigationBarTitleText: '填写车位信息',
})
