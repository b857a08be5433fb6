/**
 * The built-in SYNTHETIC sample: files in real export formats under resources/sample, imported through the
 * same path a user's files take.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppFailure } from '../../shared/result'
import type { DatasetSummary, ImportOptions } from '../../shared/types'
import { sampleDir } from './sample/sampleDir'

export interface SampleManifest {
  files?: (string | { file?: string; path?: string; name?: string; platform?: string; institutions?: string[] })[]
  institutions?: { id: string; name: string; kind?: string; colour?: string; handles?: Record<string, string> }[]
}

export async function readSampleManifest(): Promise<SampleManifest> {
  const dir = sampleDir()
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as SampleManifest
  } catch (err) {
    throw new AppFailure('NOT_FOUND', `The built-in sample is missing (${dir}): ${(err as Error).message}`)
  }
}

/** Each sample file with the options it needs: the account, for files of one institution whose rows do not say. */
export async function sampleFileJobs(): Promise<{ path: string; options: ImportOptions }[]> {
  const dir = sampleDir()
  const manifest = await readSampleManifest()
  return (manifest.files ?? []).map((f) => {
    if (typeof f === 'string') return { path: join(dir, f), options: {} }
    const owner =
      f.institutions?.length === 1 ? manifest.institutions?.find((i) => i.id === f.institutions?.[0]) : undefined
    const account = f.platform ? owner?.handles?.[f.platform] : undefined
    return { path: join(dir, f.file ?? f.path ?? f.name ?? ''), options: account ? { account } : {} }
  })
}

export async function loadSample(
  importOne: (path: string, options: ImportOptions) => Promise<DatasetSummary | null>
): Promise<{ datasets: DatasetSummary[] }> {
  const datasets: DatasetSummary[] = []
  for (const job of await sampleFileJobs()) {
    const d = await importOne(job.path, job.options)
    if (d) datasets.push(d)
  }
  return { datasets }
}
