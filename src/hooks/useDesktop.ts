/**
 * Whether the page is laid out for a computer (the PC site, from 1024 px wide). In WeChat never:
 * the mini program keeps the phone's layout. Taro picks useDesktop.h5.ts for the browser.
 */
export function useDesktop(): boolean {
  return false
}
