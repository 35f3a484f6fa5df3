/**
 * Shows images large, the user swiping between them, starting at `current`. Platform files:
 * preview.weapp.ts opens WeChat's viewer; preview.h5.ts fetches Taro's H5 viewer (a swiper of
 * some 150 KB) only when an image is first opened, so a page with photos does not carry it. This
 * file is what TypeScript sees; it ships in neither build.
 */
export function previewImages(_current: string, _urls: string[]): Promise<void> {
  return Promise.resolve()
}
