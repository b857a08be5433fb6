/**
 * The real `socialbench` command for tests: the shipped launcher (bin/socialbench.cjs, which runs the compiled CLI
 * that test/support/buildCli.ts keeps fresh) in a child Node process, with its exit code and both streams.
 */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'

export const CLI_BIN = resolve(__dirname, '../../bin/socialbench.cjs')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  timeoutMs?: number
  maxBuffer?: number
  /** Options for Node itself, before the launcher (`--require` a probe). */
  nodeArgs?: string[]
  /** Added to the environment the command inherits. */
  env?: Record<string, string>
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...(opts.nodeArgs ?? []), CLI_BIN, ...args],
      {
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: opts.maxBuffer ?? 1 << 20,
        env: opts.env ? { ...process.env, ...opts.env } : undefined
      },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr })
    )
  })
}
