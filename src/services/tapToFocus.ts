/**
 * Makes a form row's label and padding focus its input. In WeChat nothing is needed: AtInput's
 * label names its input (`for`), and the input fills the row (app.scss). tapToFocus.h5.ts does it
 * in a browser, where Taro's input is a custom element a label cannot name.
 */
export function enableTapToFocus(): void {}
