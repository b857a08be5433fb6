/**
 * The Electron the app ships: a supported major (43 and up; 41 and 42 are end of life) and the fuses that keep the
 * packaged binary from being used as a plain Node runtime or loading code from outside the integrity-checked asar.
 * The fuse keys are checked against the ones electron-builder actually reads, so a misspelt key cannot pass.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
// electron-builder's own loader and schema validator (what `npm run dist` runs), not a second YAML reader.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util/out/DebugLogger'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '..')
const require = createRequire(resolve(root, 'package.json'))
const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>
const MIN_MAJOR = 43

describe('Electron release', () => {
  it(`is a supported major (>= ${MIN_MAJOR}) in package.json and in node_modules`, () => {
    const range = (json(resolve(root, 'package.json')).devDependencies as Record<string, string>).electron
    expect(Number(/^\^?~?(\d+)\./.exec(range)?.[1])).toBeGreaterThanOrEqual(MIN_MAJOR)
    const installed = json(require.resolve('electron/package.json')).version as string
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(MIN_MAJOR)
  })

  it('packages with RunAsNode, NODE_OPTIONS and --inspect off, and only an integrity-checked app.asar', async () => {
    const config = await getConfig(root, null, null)
    await validateConfiguration(config, new DebugLogger(false))
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
    // The validator refuses a misspelt fuse, so the keys above are ones electron-builder acts on.
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNodee: false } } as never, new DebugLogger(false))
    ).rejects.toThrow(/configuration\.electronFuses should be/)
  })
})
