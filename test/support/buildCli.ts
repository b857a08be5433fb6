/**
 * Vitest global setup: the CLI tests run the compiled command (bin/socialbench.cjs → out/cli/main.cjs), the file
 * users run, so it is rebuilt first whenever a source it is built from is newer than the build.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { isStale, ROOT } from './staleBuild'

const SOURCES = ['src/cli', 'src/main/engine', 'src/shared', 'vite.cli.config.mts', 'package.json']

export default function setup(): void {
  if (!isStale('out/cli/main.cjs', SOURCES)) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.mts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  })
}
