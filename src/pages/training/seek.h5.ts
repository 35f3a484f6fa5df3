/**
 * H5: Taro's Video is a custom element wrapping a real <video>; setting its currentTime seeks
 * at once (the element's own seek() is asynchronous).
 */
export function seekVideo(id: string, position: number): void {
  const host = document.getElementById(id)
  const video = host?.tagName === 'VIDEO' ? host : host?.querySelector('video')
  if (video) (video as HTMLVideoElement).currentTime = position
}
