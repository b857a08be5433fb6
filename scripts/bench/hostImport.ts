/**
 * An import run the way the app runs it: the BUILT engine host (out/main/engineHost.js, plain Node on compiled
 * JavaScript, not tsx), forked and driven through the app's own EngineClient. Used by item 3 (peak memory) and by
 * the thread-count runs of item 1, which set DuckDB's threads with SOCIALBENCH_THREADS.
 */
import type { ChildProcess } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import { startForkedHost } from '../../src/main/shell/forkHost'
import { time } from './report'

export interface HostImport {
  ms: number
  /** The host process's peak resident set (VmHWM), polled while it ran and read once more after the import. */
  peakMb: number
  error?: string
}

const vmhwmKb = async (pid: number | undefined): Promise<number> =>
  pid === undefined
    ? 0
    : readFile(`/proc/${pid}/status`, 'utf8').then(
        (s) => Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0),
        () => 0
      )

export async function importInBuiltHost(
  workspace: string,
  file: string,
  env: NodeJS.ProcessEnv = {}
): Promise<HostImport> {
  let child: ChildProcess | null = null
  const host = startForkedHost(workspace, { env: { ...process.env, ...env }, onChild: (c) => (child = c) })
  const pid = (child as ChildProcess | null)?.pid
  let peakKb = 0
  const poll = setInterval(() => void vmhwmKb(pid).then((kb) => (peakKb = Math.max(peakKb, kb))), 250)
  try {
    await host.ready
    const r = await time(() => host.call('importFile', { path: file, jobId: 'bench-host-import' }))
    peakKb = Math.max(peakKb, await vmhwmKb(pid))
    return {
      ms: r.ms,
      peakMb: peakKb / 1024,
      error: r.value.ok ? undefined : `${r.value.error.code}: ${r.value.error.message}`
    }
  } finally {
    clearInterval(poll)
    await host.close(60_000)
    await rm(workspace, { recursive: true, force: true })
  }
}
