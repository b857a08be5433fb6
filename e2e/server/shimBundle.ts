/** Bundles shim.ts for the browser once per process; every server started in a test worker reuses it. */
import { build } from 'esbuild'
import { resolve } from 'node:path'

let bundled: Promise<string> | undefined

export function shimScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [resolve(__dirname, 'shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent'
  }).then((r) => r.outputFiles[0].text)
  return bundled
}
