/**
 * Which door the app's calls go through: the mini program (WeChat says who calls) or a computer
 * (the CloudBase web SDK with a session from 扫码登录). Taro picks door.h5.ts for the browser; in
 * WeChat it is always the mini program.
 */
export function isPcDoor(): boolean {
  return false
}
