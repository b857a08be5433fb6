/**
 * The built-in SYNTHETIC sample: files in real export formats under resources/sample, imported through the
 * same path a user's files take.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppFailure } from '../../shared/result'
import type { DatasetSummary } from '../../shared/types'
import { sampleDir } from './sample/sampleDir'

export async function sampleFiles(): Promise<string[]> {
  const dir = sampleDir()
  let manifest: { files?: (string | { file?: string; path?: string; name?: string })[] }
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
  } catch (err) {
    throw new AppFailure('NOT_FOUND', `The built-in sample is missing (${dir}): ${(err as Error).message}`)
  }
  return (manifest.files ?? []).map((f) => join(dir, typeof f === 'string' ? f : (f.file ?? f.path ?? f.name ?? '')))
}

export async function loadSample(
  importOne: (path: string) => Promise<DatasetSummary | null>
): Promise<{ datasets: DatasetSummary[] }> {
  const datasets: DatasetSummary[] = []
  for (const path of await sampleFiles()) {
    const d = await importOne(path)
    if (d) datasets.push(d)
  }
  return { datasets }
}
