import { useCallback, useEffect, useRef, useState } from 'react'
import { useLatest } from '../../components/useLatest'
import { api, errorCode, errorMessage, on, pathForFile } from '../../api'
import type { ErrorCode } from '../../../../shared/result'
import { decideBatch } from '../../../../shared/importIdentity'
import type {
  DatasetSummary,
  FileIdentity,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportResult,
  Platform
} from '../../../../shared/types'

interface Batch {
  /** The identity of each file of the batch previewed so far. */
  identities: Map<string, FileIdentity | null>
  /** The account the user chose for a file of the batch that named none. */
  account: string | null
  platform: Platform | null
}

/**
 * A file's options with what its batch already answered: the account chosen for an earlier file that named none
 * (only when this one names none either), and a platform its companions agree on or the one chosen for the batch.
 */
function fromBatch(batch: Batch, path: string, preview: ImportPreview, options: ImportOptions): ImportOptions {
  batch.identities.set(path, preview.identity)
  const out = { ...options }
  if (preview.identity?.accountRequired && !out.account && batch.account) out.account = batch.account
  if (preview.identity?.platformRequired && !out.platform) {
    const files = [...batch.identities].map(([key, identity]) => ({ key, identity }))
    const mine = decideBatch(files, { platform: batch.platform }).find((d) => d.key === path)
    if (mine?.platform) out.platform = mine.platform
  }
  return out
}

export type ImportStage = 'previewing' | 'ready' | 'importing' | 'failed'

export interface ImportJob {
  path: string
  preview: ImportPreview | null
  /** Only what the user overrode; the rest is what the engine detected. */
  options: ImportOptions
  stage: ImportStage
  error: { code: ErrorCode; message: string } | null
  progress: ImportProgress | null
  jobId: string | null
}

interface ImportHandlers {
  onImported: (dataset: DatasetSummary, warnings: string[], result: ImportResult) => void
  onShowDataset: (datasetId: number) => void
  onError: (err: unknown, context?: string) => void
}

function newJobId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `job-${Date.now()}-${Math.random().toString(36).slice(2)}`
}

function describe(err: unknown): { code: ErrorCode; message: string } {
  const code = errorCode(err)
  return { code, message: code === 'CANCELLED' ? 'Import cancelled; nothing was changed.' : errorMessage(err) }
}

/**
 * The import queue: files wait their turn and one dialog shows at a time. Each file is previewed
 * (re-previewed when the user overrides a setting), then committed with a fresh job id whose progress
 * events drive the bar.
 */
export function useImport(h: ImportHandlers) {
  const [queue, setQueue] = useState<string[]>([])
  const [job, setJob] = useState<ImportJob | null>(null)
  const previewSeq = useRef(0)
  // The files of one drop or multi-select are one batch: asked once for the account, and each file's platform
  // evidence informs the others (src/shared/importIdentity.ts).
  const batchOf = useRef(new Map<string, Batch>())
  const jobIdRef = useRef<string | null>(null)
  const handlers = useLatest(h)

  const runPreview = useCallback(async (path: string, options: ImportOptions) => {
    const seq = ++previewSeq.current
    setJob((j) => (j && j.path === path ? { ...j, options, stage: 'previewing', error: null } : j))
    try {
      const preview = await api.previewImport({ path, options: Object.keys(options).length ? options : undefined })
      if (seq !== previewSeq.current) return
      const batch = batchOf.current.get(path)
      const filled = batch ? fromBatch(batch, path, preview, options) : options
      setJob((j) => (j && j.path === path ? { ...j, preview, options: filled, stage: 'ready' } : j))
    } catch (err) {
      if (seq !== previewSeq.current) return
      setJob((j) => (j && j.path === path ? { ...j, stage: 'failed', error: describe(err) } : j))
    }
  }, [])

  // When no dialog is open, take the next file from the queue.
  useEffect(() => {
    if (job || queue.length === 0) return
    const [path, ...rest] = queue
    setQueue(rest)
    setJob({ path, preview: null, options: {}, stage: 'previewing', error: null, progress: null, jobId: null })
    void runPreview(path, {})
  }, [job, queue, runPreview])

  useEffect(
    () =>
      on('importProgress', (p) => {
        if (p.jobId !== jobIdRef.current) return
        setJob((j) => (j && j.jobId === p.jobId ? { ...j, progress: p } : j))
      }),
    []
  )

  const enqueue = useCallback((paths: string[]) => {
    if (!paths.length) return
    const batch: Batch = { identities: new Map(), account: null, platform: null }
    for (const p of paths) batchOf.current.set(p, batch)
    setQueue((q) => [...q, ...paths.filter((p) => !q.includes(p))])
  }, [])

  /** Files from the picker or a drop: ask the bridge for their paths first. */
  const enqueueFiles = useCallback(
    async (files: File[]) => {
      const paths: string[] = []
      for (const f of files) {
        try {
          paths.push(await pathForFile(f))
        } catch (err) {
          handlers.current.onError(err, `Could not open ${f.name}`)
        }
      }
      enqueue(paths)
    },
    [enqueue, handlers]
  )

  const setOptions = useCallback(
    (patch: ImportOptions) => {
      if (!job || job.stage === 'importing') return
      void runPreview(job.path, { ...job.options, ...patch })
    },
    [job, runPreview]
  )

  /** Preview again with the same options, e.g. after a column mapping was saved for this header. */
  const repreview = useCallback(() => {
    if (job && job.stage !== 'importing') void runPreview(job.path, job.options)
  }, [job, runPreview])

  const commit = useCallback(
    async (allowDuplicate = false) => {
      if (!job || job.stage === 'importing') return
      const jobId = newJobId()
      jobIdRef.current = jobId
      const { path, options } = job
      const batch = batchOf.current.get(path)
      if (batch) {
        if (job.preview?.identity?.accountRequired && options.account) batch.account = options.account
        if (options.platform) batch.platform = options.platform
      }
      setJob({ ...job, stage: 'importing', jobId, error: null, progress: null })
      try {
        const result = await api.importFile({
          path,
          jobId,
          options: Object.keys(options).length ? options : undefined,
          ...(allowDuplicate ? { allowDuplicate: true } : {})
        })
        jobIdRef.current = null
        setJob(null)
        handlers.current.onImported(result.dataset, result.warnings, result)
      } catch (err) {
        jobIdRef.current = null
        setJob((j) => (j && j.jobId === jobId ? { ...j, stage: 'failed', error: describe(err), progress: null } : j))
      }
    },
    [job, handlers]
  )

  /** Cancel a running import, or close the dialog and move on to the next file. */
  const cancel = useCallback(async () => {
    if (!job) return
    if (job.stage === 'importing' && job.jobId) {
      try {
        await api.cancelImport({ jobId: job.jobId })
      } catch (err) {
        handlers.current.onError(err, 'Could not cancel the import')
      }
      return
    }
    previewSeq.current++
    setJob(null)
  }, [job, handlers])

  const showExisting = useCallback(() => {
    const existing = job?.preview?.alreadyImported
    if (!existing) return
    previewSeq.current++
    setJob(null)
    handlers.current.onShowDataset(existing.id)
  }, [job, handlers])

  return { job, queued: queue.length, enqueue, enqueueFiles, setOptions, repreview, commit, cancel, showExisting }
}
