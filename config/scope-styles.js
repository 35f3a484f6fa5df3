/**
 * Scopes each page folder's styles to its module, at build time (H5 and weapp alike).
 *
 * In H5 every stylesheet a page loads stays in the document for the rest of the visit, so a
 * class of one module (项目信息's `.stats`) would style another (评价统计's `.stats`). This webpack
 * loader runs right after sass-loader on every stylesheet under `src/pages/<module>/` and
 * prefixes each selector with `.mod-<module>` — the class ModuleGate (and home, binding and the
 * dev switcher, which have no gate) puts on the element that holds the page's content:
 *
 *   .stats__item {}             → .mod-project .stats__item {}
 *   page {} / :root {}          → H5: .taro_page:has(.mod-project) {}; weapp: left as is, since
 *                                 WeChat applies a page's WXSS to that page only
 *   page .x {} / :root .x {}    → .mod-project .x {}
 *   @keyframes spin             → @keyframes project__spin (and the animations naming it)
 *   .kit-desktop .x {}          → .kit-desktop .mod-project .x {} (the PC layout's root class,
 *                                 on <html>, stays in front: styles/desktop.scss)
 *
 * What sass inlined from node_modules (taro-ui's component styles, `@import`ed by a page for
 * the components it uses) stays global: it is taro-ui's own stylesheet, the same in every module,
 * and the kit's overrides of it (src/components) are written against its plain specificity. A
 * module's own override of a taro-ui class (`.sheet .at-button`) is the module's and is scoped.
 * Where a rule came from is read from sass's source map, which is why this is a loader between
 * sass-loader and resolve-url-loader (the map still exact) rather than a postcss-loader plugin.
 */
const path = require('node:path')
const postcss = require('postcss')

/** The class a module's page content sits in; the same name in src/components/ModuleGate. */
const scopeClass = (module) => `mod-${module}`

/** `src/pages/<module>/…` → module; anything else (app.scss, src/components) → null. */
function moduleOf(file, pagesDir) {
  const rel = path.relative(pagesDir, file)
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null
  const [module, ...rest] = rel.split(path.sep)
  return rest.length ? module : null
}

/** Selectors that stand for the page itself, whatever follows them. */
const PAGE_ROOT = /^(page|:root|html|body|\.taro_page)(?=$|[\s>+~])/

/**
 * The document's class on a computer (DesktopShell, src/styles/desktop.scss): it sits above the
 * module, so a desktop rule keeps it in front of the scope.
 */
const DESKTOP_ROOT = /^\.kit-desktop(?=\s)/

/** One selector of a list, scoped; `platform` is 'h5' or 'mini'. */
function scopeSelector(selector, scope, platform) {
  const s = selector.trim()
  const desktop = DESKTOP_ROOT.exec(s)
  if (desktop) {
    const rest = s.slice(desktop[0].length).trim()
    return `${desktop[0]} ${scopeSelector(rest, scope, platform)}`
  }
  if (s.startsWith(`.${scope}`) && /^[\s:.[>+~]|^$/.test(s.slice(scope.length + 1))) return s
  const root = PAGE_ROOT.exec(s)
  if (!root) return `.${scope} ${s}`
  const rest = s.slice(root[0].length).trim()
  if (platform === 'mini' && root[1] === 'page') return s
  if (!rest) return platform === 'mini' ? `.${scope}` : `.taro_page:has(.${scope})`
  return `.${scope} ${rest.replace(/^[>+~]\s*/, '')}`
}

/** Whether sass took the rule from node_modules (a library's stylesheet). */
function fromLibrary(node) {
  const start = node.source && node.source.start
  const input = node.source && node.source.input
  if (!start || !input || typeof input.origin !== 'function') return false
  const origin = input.origin(start.line, start.column)
  const file = (origin && (origin.file || origin.url)) || ''
  return /[\\/]node_modules[\\/]/.test(file)
}

const isKeyframes = (node) => node.type === 'atrule' && /keyframes$/i.test(node.name)

/**
 * The postcss plugin: scopes `root` (one stylesheet of `module`). Exported for the tests; the
 * build uses it through the loader below.
 */
function scopeModule({ module, platform }) {
  const scope = scopeClass(module)
  return {
    postcssPlugin: 'scope-module-styles',
    Once(root) {
      const renamed = new Map()
      root.walkAtRules((at) => {
        if (!isKeyframes(at) || fromLibrary(at)) return
        const name = at.params.trim()
        renamed.set(name, `${module}__${name}`)
        at.params = `${module}__${name}`
      })
      root.walkRules((rule) => {
        if (rule.parent && isKeyframes(rule.parent)) return
        if (fromLibrary(rule)) return
        rule.selectors = rule.selectors.map((s) => scopeSelector(s, scope, platform))
      })
      if (!renamed.size) return
      root.walkDecls(/^(-\w+-)?animation(-name)?$/i, (decl) => {
        decl.value = decl.value.replace(/[\w-]+/g, (word) => renamed.get(word) ?? word)
      })
    },
  }
}
scopeModule.postcss = true

/**
 * The webpack loader. Options: `pagesDir` (absolute src/pages) and `platform` ('h5' | 'mini').
 * A stylesheet outside src/pages/<module>/ passes through untouched.
 */
function scopeStylesLoader(css, map) {
  const { pagesDir, platform } = this.getOptions()
  const module = moduleOf(this.resourcePath, pagesDir)
  if (!module) return this.callback(null, css, map)
  const done = this.async()
  postcss([scopeModule({ module, platform })])
    .process(css, {
      from: this.resourcePath,
      to: this.resourcePath,
      map: map ? { prev: map, inline: false, annotation: false, sourcesContent: true } : false,
    })
    .then((result) => done(null, result.css, result.map ? result.map.toJSON() : undefined))
    .catch(done)
}

module.exports = scopeStylesLoader
module.exports.scopeModule = scopeModule
module.exports.scopeSelector = scopeSelector
module.exports.moduleOf = moduleOf
module.exports.scopeClass = scopeClass
