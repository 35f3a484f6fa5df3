/**
 * Tests follow the layout (issue 17): every module of the registry, and 身份认证 (binding), which
 * is the app's own, has its browser tests in test/e2e/<code>.test.ts and its function tests in
 * test/functions/<code>.test.ts, so a module's tests are found by its name and a new module without
 * them fails here. Files across modules (home, kit, styles …) sit beside them under their own names.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { MODULE_CODES } from '../../types/modules'

const TEST = join(__dirname, '..')
const CODES = ['binding', ...MODULE_CODES]

test.each(['e2e', 'functions'])('every module has test/%s/<code>.test.ts', (kind) => {
  const missing = CODES.filter((code) => !existsSync(join(TEST, kind, `${code}.test.ts`)))
  expect(missing).toEqual([])
})

test('the registry holds 权限管理, so the list above covers binding and permissions', () => {
  expect(CODES).toContain('permissions')
})
