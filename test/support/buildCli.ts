/**
 * Vitest global setup: the CLI tests run the compiled command (bin/socialbench.cjs → out/cli/main.cjs), the file
 * users run, so it is rebuilt first whenever a source it is built from is newer than the build.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const BUILT = join(ROOT, 'out/cli/main.cjs')
const SOURCES = ['src/cli', 'src/main/engine', 'src/shared', 'vite.cli.config.mts', 'package.json']

function newestMtime(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export default function setup(): void {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0
  if (SOURCES.every((s) => newestMtime(join(ROOT, s)) < builtAt)) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.cli.config.mts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  })
}
