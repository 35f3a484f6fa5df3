/**
 * One `jest` run, several projects:
 *   unit        pure TS (types/, server/kernel, page helpers)                      node
 *   localcloud  conformance + durability of the local cloud                         node
 *   functions   real cloud-function code through the local cloud's protocol         node
 *   weapp       the built mini program (dist/weapp) in miniprogram-simulate          jsdom
 *   e2e         the built H5 app served by the local cloud, in headless Chromium     node
 */
const tsTransform = {
  '^.+\\.(m?js|jsx|ts|tsx)$': [
    'babel-jest',
    {
      configFile: false,
      babelrc: false,
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    },
  ],
}
const node = (name, dir, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${dir}`],
  testMatch: ['**/*.test.ts'],
  transform: tsTransform,
  ...extra,
})

module.exports = {
  // Top level only: jest ignores testTimeout inside a project (each test then had its default 5 s).
  // A minute: bursts of hundreds of calls, a browser or a simulated page on two cores shared with
  // other work take seconds, and a busy machine may be slow but must not fail (issue 16 §16).
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    node('unit', 'unit'),
    node('localcloud', 'local-cloud'),
    node('functions', 'functions'),
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.js'],
      transform: {},
    },
    node('e2e', 'e2e'),
  ],
}
