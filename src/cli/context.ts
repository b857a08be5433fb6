/** What every command gets: the workspace's engine for the duration of one action, and a way to fail. */
import type { Engine } from '../main/engine/api'
import { toFailure } from '../shared/result'

export interface CommonOptions {
  workspace?: string
  json?: boolean
}

export interface CliContext {
  /** Open the workspace (--workspace, $SOCIALBENCH_WORKSPACE or the app's own), run `fn`, close it. */
  withEngine<T>(opts: CommonOptions, fn: (engine: Engine) => Promise<T>): Promise<T>
  /** The command failed: the process exits 1. */
  fail(): void
}

export const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)

/** A command's failure, as `{ error }` JSON (--json) or one line on stderr; the process then exits 1. */
export function reportFailure(ctx: CliContext, opts: { json?: boolean }, command: string, err: unknown): void {
  const f = toFailure(err)
  const error = f.ok ? null : f.error
  if (opts.json) print({ error })
  else console.error(`socialbench ${command}: ${error?.message}`)
  ctx.fail()
}
