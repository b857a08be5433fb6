/**
 * The workspace menu's calls (WORKSPACE_CALLS), answered the same way by the Electron main process and the browser
 * harness: each input checked with its schema, then the switcher does the work. What differs per host is passed
 * in as `WorkspaceDialogs`: native dialogs and the file manager in the app; typed paths and downloads in the
 * harness. No Electron import.
 */
import { basename } from 'node:path'
import type { WorkspaceCall } from '../../shared/channels'
import { workspaceCallInputs, type WorkspaceCallOutputs } from '../../shared/contract'
import { issueText } from '../../shared/inputIssue'
import { fail, ok, toFailure, type Result } from '../../shared/result'
import { WORKSPACE_ARCHIVE_EXTENSION, type ExportedWorkspace } from '../../shared/workspaces'
import type { PathGrants } from './pathGrants'
import type { WorkspaceSwitcher } from './workspaceSwitcher'

export interface WorkspaceDialogs {
  /** A folder the user picks, or null (cancelled, or this host has no dialog). */
  chooseFolder(purpose: 'new' | 'open' | 'duplicate' | 'into'): Promise<string | null>
  /** A .sbw the user picks (granted to the engine before it is returned), or null. */
  chooseArchive(): Promise<string | null>
  /** Where to write the .sbw, or null when cancelled. */
  saveArchivePath(defaultName: string): Promise<string | null>
  /** After the engine wrote it: what the page is told (the harness adds where to download it from). */
  exported?(file: ExportedWorkspace): Promise<Partial<WorkspaceCallOutputs['exportWorkspaceFile']>>
  /** Show the folder in the file manager; false where there is none to show it in. */
  reveal(path: string): Promise<boolean>
  /** A typed folder this host refuses (the harness keeps workspaces under one root): the reason, or null. */
  refuseFolder?(path: string): string | null
}

type Answers = { [C in WorkspaceCall]: (input: unknown) => Promise<Result<WorkspaceCallOutputs[C]>> }

export function workspaceActions(switcher: WorkspaceSwitcher, grants: PathGrants, dialogs: WorkspaceDialogs): Answers {
  const checked =
    <C extends WorkspaceCall>(call: C, run: (input: never) => Promise<Result<WorkspaceCallOutputs[C]>>) =>
    async (raw: unknown): Promise<Result<WorkspaceCallOutputs[C]>> => {
      const parsed = workspaceCallInputs[call].safeParse(raw ?? undefined)
      if (!parsed.success) return fail('BAD_INPUT', `${call}: ${issueText(parsed.error.issues)}`)
      try {
        return await run(parsed.data as never)
      } catch (err) {
        return toFailure(err)
      }
    }
  const folderRefused = (path: string): Result<never> | null => {
    const reason = dialogs.refuseFolder?.(path)
    return reason ? fail('FORBIDDEN', reason) : null
  }
  const current = () => switcher.current()

  return {
    workspaceState: checked('workspaceState', async () => ok(await switcher.state())),
    openWorkspace: checked('openWorkspace', async ({ path, create }: { path: string; create: boolean }) => {
      return folderRefused(path) ?? switcher.open(path, { create })
    }),
    chooseWorkspaceFolder: checked('chooseWorkspaceFolder', async ({ purpose }: { purpose: 'new' }) =>
      ok({ path: await dialogs.chooseFolder(purpose) })
    ),
    chooseWorkspaceArchive: checked('chooseWorkspaceArchive', async () => ok({ path: await dialogs.chooseArchive() })),
    revealWorkspace: checked('revealWorkspace', async () => {
      const ref = current()
      if (!ref) return fail('NOT_FOUND', 'No workspace is open.')
      return ok({ path: ref.path, revealed: await dialogs.reveal(ref.path) })
    }),
    duplicateWorkspaceTo: checked('duplicateWorkspaceTo', async ({ into }: { into: string }) => {
      return folderRefused(into) ?? switcher.duplicate(into)
    }),
    exportWorkspaceFile: checked('exportWorkspaceFile', async () => {
      const ref = current()
      if (!ref) return fail('NOT_FOUND', 'No workspace is open.')
      const out = await dialogs.saveArchivePath(`${basename(ref.path)}.${WORKSPACE_ARCHIVE_EXTENSION}`)
      if (!out) return ok({ saved: false, path: null })
      const r = (await switcher.call('exportWorkspace', { out })) as Result<ExportedWorkspace>
      if (!r.ok) return r
      return ok({ saved: true, path: r.value.path, manifest: r.value.manifest, ...(await dialogs.exported?.(r.value)) })
    }),
    openWorkspaceFile: checked('openWorkspaceFile', async ({ archive, into }: { archive: string; into: string }) => {
      // The archive is read by the engine: only one the user chose (dialog, picker, upload) this session.
      if (!(await grants.isGranted(archive))) {
        return fail('FORBIDDEN', `openWorkspaceFile: ${archive} is not a file you chose; pick the .sbw again.`)
      }
      return folderRefused(into) ?? switcher.openArchive(archive, into)
    })
  }
}
