/**
 * The engine's front door for code outside it (the CLI; eslint.config.mjs holds src/cli to this file):
 * open a workspace and `call` its channels, which checks every input against the contract.
 *
 * Everything heavy is behind a dynamic import, so importing this file costs nothing: `socialbench --version`
 * must not load DuckDB, and `socialbench sql` must not load the chart renderers or the Excel writer.
 */
import type { Engine, EngineOptions } from './engine'
import type { ReportOptions, ReportResult } from './export/report'
import type { ReadOnlySqlOptions, SqlResult } from './readOnlySql'

export type { CallArgs, Engine } from './engine'
export type { SqlResult } from './readOnlySql'
export { invoke } from './invoke'
export { packageVersion } from './version'
export { DEFAULT_LIMITS as SQL_LIMITS } from './queries/limits'
export { defaultWorkspaceDir, workspaceFromArgs } from './workspace'

export async function openEngine(dir: string, options?: EngineOptions): Promise<Engine> {
  return (await import('./engine')).openEngine(dir, options)
}

/** One read-only statement in the SQL editor's sandbox, without opening the engine (readOnlySql.ts). */
export async function runReadOnlySql(
  workspaceDir: string,
  sql: string,
  options?: ReadOnlySqlOptions
): Promise<SqlResult> {
  return (await import('./readOnlySql')).runReadOnlySql(workspaceDir, sql, options)
}

/** The engine's front door for the channels that need no workspace (extracting a .sbw): `call` as on an Engine. */
export function withoutWorkspace(): Pick<Engine, 'call'> {
  return {
    call: async (channel, ...input) =>
      (await import('./workspaceFiles/slice')).callWithoutWorkspace(channel, input[0]) as never
  }
}

/** The standard report's charts, data files and deck, written to a folder (export/report.ts). */
export async function writeReport(engine: Pick<Engine, 'call'>, options: ReportOptions): Promise<ReportResult> {
  return (await import('./export/report')).writeReport(engine, options)
}
