import Taro from '@tarojs/taro'

/** Taro's H5 previewImage (taro-swiper-core and swiper): reached only through preview.h5.ts. */
export async function previewImages(current: string, urls: string[]): Promise<void> {
  await Taro.previewImage({ current, urls })
}
