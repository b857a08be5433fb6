/**
 * What a user statement may use in the sandbox (sandbox.ts). Its own module, free of DuckDB, so the CLI can show
 * the default --timeout without loading the database.
 */
export interface SandboxLimits {
  /** Per-statement time limit; the statement is interrupted after it. */
  timeoutMs: number
  memoryLimit: string
  threads: number
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 60_000, memoryLimit: '1GB', threads: 2 }
