/**
 * Asks the user to let the mini program send it one subscribe message per template (WeChat's
 * 订阅消息). WeChat allows the question only inside a tap handler, so call this first thing in one,
 * before any await. The ids come from binding.me (the environment's configuration). Platform
 * files: subscribe.weapp.ts asks; subscribe.h5.ts does nothing (there is no WeChat in a browser).
 */
export function askForNotices(_templateIds: (string | undefined)[]): void {}
