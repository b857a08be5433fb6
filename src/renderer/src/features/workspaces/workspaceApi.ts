/** The workspace menu's calls (WORKSPACE_CALLS), unwrapped like api.ts: the value, or an AppFailure thrown. */
import type { WorkspaceCall } from '../../../../shared/channels'
import type { WorkspaceCallInput, WorkspaceCallOutputs } from '../../../../shared/contract'
import { AppFailure } from '../../../../shared/result'

export async function workspaceCall<C extends WorkspaceCall>(
  call: C,
  ...args: WorkspaceCallInput<C> extends void ? [] : [WorkspaceCallInput<C>]
): Promise<WorkspaceCallOutputs[C]> {
  const fn = window.socialbench?.[call] as unknown as ((input: unknown) => Promise<unknown>) | undefined
  if (!fn) throw new AppFailure('INTERNAL', 'The workspace menu is not available here.')
  const r = (await fn(args[0])) as
    { ok: true; value: WorkspaceCallOutputs[C] } | { ok: false; error: { code: AppFailure['code']; message: string } }
  if (r.ok) return r.value
  throw new AppFailure(r.error.code, r.error.message)
}

/** The folder's separator as the path writes it (Windows paths in the app on Windows, / elsewhere). */
const sepOf = (path: string) => (path.includes('\\') && !path.includes('/') ? '\\' : '/')

/** A folder next to `path` named `name`: where a new workspace or a copy is suggested. */
export function siblingOf(path: string, name: string): string {
  const sep = sepOf(path)
  const trimmed = path.endsWith(sep) ? path.slice(0, -1) : path
  const cut = trimmed.lastIndexOf(sep)
  return `${cut > 0 ? trimmed.slice(0, cut) : ''}${sep}${name}`
}

/** `Team.sbw` → `Team`: the default folder name an archive is opened into. */
export const archiveStem = (fileName: string): string =>
  (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.sbw$/i, '') || 'Opened workspace'
