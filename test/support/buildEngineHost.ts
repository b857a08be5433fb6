/**
 * Vitest global setup: the host tests (robustness, *.host.test.ts) run the BUILT engine host, out/main/engineHost.js,
 * the file the app ships (src/main/shell/forkHost.ts), so the app is rebuilt first whenever a source of the main
 * bundle is newer than it. A bundling regression then fails these tests, not only the packaged app.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { isStale, ROOT } from './staleBuild'

const SOURCES = ['src/main', 'src/shared', 'electron.vite.config.ts', 'package.json']

/** A run given test files of which none drives the host (a component test, say) does not pay for the build. */
function runsHostTests(argv: readonly string[]): boolean {
  const filters = argv.slice(argv.indexOf('run') + 1).filter((a) => !a.startsWith('-'))
  return filters.length === 0 || filters.some((f) => /host|robustness/i.test(f))
}

export default function setup(): void {
  if (!runsHostTests(process.argv.slice(2))) return
  if (!isStale('out/main/engineHost.js', SOURCES)) return
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit'
  })
}
