import { useCallback, useEffect, useState } from 'react'
import type { WorkspaceState } from '../../../../shared/workspaces'
import { workspaceCall } from './workspaceApi'

/**
 * The workspace menu's state (the open workspace, Open Recent) and the one thing every switch ends with: the
 * window reloads, so every view reads the other workspace from scratch. The title bar names the open workspace.
 */
export function useWorkspaces(onError: (err: unknown, context?: string) => void) {
  const [state, setState] = useState<WorkspaceState | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setState(await workspaceCall('workspaceState'))
    } catch (err) {
      onError(err, 'Could not read the workspace list')
    }
  }, [onError])

  useEffect(() => {
    let live = true
    workspaceCall('workspaceState').then(
      (s) => live && setState(s),
      (err: unknown) => onError(err, 'Could not read the workspace list')
    )
    return () => {
      live = false
    }
  }, [onError])

  useEffect(() => {
    document.title = state?.current.name ? `${state.current.name} — Socialbench` : 'Socialbench'
  }, [state])

  const switchTo = useCallback(
    async (path: string) => {
      setBusy(true)
      try {
        await workspaceCall('openWorkspace', { path, create: false })
        window.location.reload()
      } catch (err) {
        onError(err, 'Could not open the workspace')
        setBusy(false)
        void refresh()
      }
    },
    [onError, refresh]
  )

  return { state, busy, setBusy, refresh, switchTo, reload: () => window.location.reload() }
}
