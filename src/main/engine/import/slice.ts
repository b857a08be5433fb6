/**
 * The import channels: preview, import with progress events, cancel, and the built-in sample. Owns the running
 * jobs, so a cancel finds its import and closing the engine aborts them all.
 */
import type { EventPayloads, Handlers } from '../../../shared/contract'
import { AppFailure } from '../../../shared/result'
import type { DatasetSummary, ImportOptions } from '../../../shared/types'
import { setUpSampleInstitutions } from '../canonical/sampleInstitutions'
import type { Database } from '../db/duckdb'
import { loadSample, readSampleManifest } from '../loadSample'
import { importFile, previewImport } from './importer'

/** The slice's handlers, and `abortAll` for when the engine closes. */
export function importHandlers(db: Database, tmpDir: string, onProgress: (p: EventPayloads['importProgress']) => void) {
  const jobs = new Map<string, AbortController>()

  const importOne = async (path: string, opts: ImportOptions = {}): Promise<DatasetSummary | null> => {
    const r = await importFile(db, tmpDir, {
      path,
      options: opts,
      allowDuplicate: false,
      signal: new AbortController().signal,
      onProgress: () => {}
    }).catch(async (err) => {
      // Loading the sample twice is not an error: the file is simply there already.
      if (err instanceof AppFailure && err.code === 'DUPLICATE') return null
      throw err
    })
    return r?.dataset ?? null
  }

  const handlers = {
    previewImport: ({ path, options: o }) => previewImport(db, tmpDir, path, o ?? {}),
    importFile: async ({ path, jobId, options: o, allowDuplicate, name }) => {
      if (jobs.has(jobId)) throw new AppFailure('BAD_INPUT', `Import job ${jobId} is already running.`)
      const controller = new AbortController()
      jobs.set(jobId, controller)
      const fileName = path.split(/[\\/]/).pop() ?? path
      try {
        return await importFile(db, tmpDir, {
          path,
          options: o ?? {},
          allowDuplicate: allowDuplicate ?? false,
          name,
          signal: controller.signal,
          onProgress: (phase, fraction) => onProgress({ jobId, phase, fraction, fileName })
        })
      } finally {
        jobs.delete(jobId)
      }
    },
    cancelImport: async ({ jobId }) => {
      const job = jobs.get(jobId)
      if (!job) return { cancelled: false }
      job.abort(new AppFailure('CANCELLED', 'Import cancelled.'))
      return { cancelled: true }
    },
    loadSample: async () => {
      const loaded = await loadSample((p, o) => importOne(p, o))
      await setUpSampleInstitutions(db, await readSampleManifest())
      return loaded
    }
  } satisfies Partial<Handlers>

  return {
    handlers,
    abortAll: () => {
      for (const job of jobs.values()) job.abort()
    }
  }
}
