/** H5: Taro's viewer, fetched with its swiper the first time an image is opened. */
export async function previewImages(current: string, urls: string[]): Promise<void> {
  const viewer = await import(/* webpackChunkName: "image-viewer" */ './previewViewer.h5')
  await viewer.previewImages(current, urls)
}
