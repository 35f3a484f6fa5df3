/**
 * A page folder's styles are scoped to its module at build time (config/scope-styles.js): a
 * selector gets the module's class in front, so `.stats` of 项目信息 does not style 评价统计. The
 * PC layout's rules (`@include desktop`, under html.kit-desktop) keep that class in front of the
 * module's, or they would match nothing.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scopeSelector } = require('../../config/scope-styles.js') as {
  scopeSelector: (selector: string, scope: string, platform: 'h5' | 'mini') => string
}

test('a module’s selector gets the module’s class in front', () => {
  expect(scopeSelector('.stats__item', 'mod-project', 'h5')).toBe('.mod-project .stats__item')
  expect(scopeSelector('.mod-project .x', 'mod-project', 'h5')).toBe('.mod-project .x')
  expect(scopeSelector('page', 'mod-project', 'h5')).toBe('.taro_page:has(.mod-project)')
})

test('a desktop rule keeps html.kit-desktop in front of the module’s class', () => {
  expect(scopeSelector('.kit-desktop .disclosure .dc-row', 'mod-disclosure', 'h5')).toBe(
    '.kit-desktop .mod-disclosure .disclosure .dc-row',
  )
  expect(scopeSelector('.kit-desktop .mod-todos .x', 'mod-todos', 'h5')).toBe(
    '.kit-desktop .mod-todos .x',
  )
  // A class merely starting with the name is a module's own.
  expect(scopeSelector('.kit-desktop-ish .x', 'mod-todos', 'h5')).toBe(
    '.mod-todos .kit-desktop-ish .x',
  )
})
