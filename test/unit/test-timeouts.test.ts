/**
 * The time a test gets is the one jest.config.js gives (issue 16 §16): jest reads `testTimeout`
 * at the top level only — inside a project it is silently ignored and every test ran with
 * jest's 5 s, so integration tests failed on a busy machine. Read here from jest-circus's own
 * state, the value it times each test against.
 */
function effectiveTimeoutMs(): number {
  const key = Object.getOwnPropertySymbols(globalThis).find(
    (s) => s.description === 'JEST_STATE_SYMBOL',
  )
  if (!key) throw new Error('jest-circus state not found')
  return (globalThis as unknown as Record<symbol, { testTimeout: number }>)[key].testTimeout
}

it('gives every test the configured minute, not jest default 5 s', () => {
  expect(effectiveTimeoutMs()).toBe(60_000)
})
