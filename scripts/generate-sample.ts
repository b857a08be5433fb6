/**
 * `npm run sample:generate`: rewrites resources/sample from the deterministic generator and removes
 * stale SYNTHETIC_* files a previous version wrote, so the folder matches the generator exactly.
 */
import { readdir, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSampleFiles } from '../src/main/engine/sample/generateSample'

// tsx runs this as CommonJS (no "type": "module"), where __dirname exists; ESM has import.meta.url.
const scriptDir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const outDir = resolve(scriptDir, '..', 'resources', 'sample')
  const written = await generateSampleFiles(outDir)
  const keep = new Set(written.map((p) => basename(p)))
  for (const name of await readdir(outDir)) {
    if (name.startsWith('SYNTHETIC_') && !keep.has(name)) {
      await rm(join(outDir, name))
      console.log(`removed stale ${name}`)
    }
  }
  console.log(`wrote ${written.length} files to ${outDir}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
