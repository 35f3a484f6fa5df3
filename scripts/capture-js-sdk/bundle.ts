import { build } from 'esbuild'
import { join } from 'node:path'

/**
 * The browser bundle of page-entry.ts: the SDK's browser builds (`browser` and `import`
 * conditions, as the H5 build resolves them), one IIFE script. Built in memory, never written
 * into the repository.
 */
export async function webSdkBundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(__dirname, 'page-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    minify: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  return out.outputFiles[0].text
}

/** A page that loads the bundle; served from the origin the SDK is to talk to. */
export const WEB_SDK_PAGE =
  '<!doctype html><meta charset="utf-8"><title>web sdk</title><script src="web-sdk.js"></script>'
