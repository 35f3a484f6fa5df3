import Taro from '@tarojs/taro'

/**
 * WeChat: moves the page's video (a native component) to `position` seconds through its
 * context; the H5 build uses seek.h5.ts.
 */
export function seekVideo(id: string, position: number): void {
  const page = Taro.getCurrentInstance().page
  Taro.createVideoContext(id, page ?? undefined).seek(position)
}
