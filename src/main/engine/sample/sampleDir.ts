/**
 * Where the built-in sample lives. Packaged app: `<resources>/sample` (electron-builder extraResources).
 * Dev, tests, the compiled CLI (out/cli) and the built host (out/main): `<repo>/resources/sample`. No electron
 * import, so the engine host and plain Node can use it; Electron's `process.resourcesPath` is read off `process`
 * when it exists.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

function here(): string {
  // Bundled CommonJS has __dirname; ESM under tsx/vitest has import.meta.url.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
}

/** Candidate folders, most specific first. Exported for tests. */
export function sampleDirCandidates(): string[] {
  const out: string[] = []
  const resourcesPath = (process as unknown as { resourcesPath?: string }).resourcesPath
  if (resourcesPath) out.push(join(resourcesPath, 'sample'))
  // Walk up from this file (src/main/engine/sample, or out/main when bundled) to the repo root.
  let dir = here()
  for (let i = 0; i < 8; i++) {
    out.push(join(dir, 'resources', 'sample'))
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  out.push(resolve(process.cwd(), 'resources', 'sample'))
  return out
}

/** The sample folder (the first candidate holding a manifest.json); throws if none exists. */
export function sampleDir(): string {
  const found = sampleDirCandidates().find((d) => existsSync(join(d, 'manifest.json')))
  if (!found) throw new Error(`Sample folder not found (looked in: ${sampleDirCandidates().join(', ')})`)
  return found
}
