import Taro from '@tarojs/taro'

/** weapp: WeChat's own viewer. */
export async function previewImages(current: string, urls: string[]): Promise<void> {
  await Taro.previewImage({ current, urls })
}
