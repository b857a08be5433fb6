import { useId, useState, type FormEvent } from 'react'
import { Modal } from '../../components/Modal'
import { pathForFile } from '../../api'
import { archiveStem, siblingOf, workspaceCall } from './workspaceApi'

export type WorkspaceDialogKind = 'new' | 'open' | 'duplicate' | 'openArchive'

interface WorkspaceDialogProps {
  kind: WorkspaceDialogKind
  currentPath: string
  nativeDialogs: boolean
  onClose: () => void
  /** The workspace to switch to (the window reloads), or a copy made (`switched` false). */
  onDone: (result: { path: string; switched: boolean }) => void
}

const TEXT: Record<WorkspaceDialogKind, { title: string; submit: string; folder: string; help: string }> = {
  new: {
    title: 'New workspace',
    submit: 'Create and open',
    folder: 'Folder for the new workspace',
    help: 'A new or empty folder. The open workspace is closed first; nothing in it changes.'
  },
  open: {
    title: 'Open workspace',
    submit: 'Open',
    folder: 'Workspace folder',
    help: 'The folder holding workspace.duckdb. A workspace from an older Socialbench is upgraded, after a backup copy.'
  },
  duplicate: {
    title: 'Duplicate workspace',
    submit: 'Duplicate',
    folder: 'Folder for the copy',
    help: 'A new or empty folder. The copy joins Open Recent; this workspace stays open.'
  },
  openArchive: {
    title: 'Open .sbw file',
    submit: 'Open',
    folder: 'Open into folder',
    help: 'The file is extracted into this new or empty folder, which then opens as a workspace.'
  }
}

/** Asks for a folder (typed, or picked with the native dialog where there is one) and does the one thing asked. */
export function WorkspaceDialog({ kind, currentPath, nativeDialogs, onClose, onDone }: WorkspaceDialogProps) {
  const text = TEXT[kind]
  const folderId = useId()
  const helpId = useId()
  const fileId = useId()
  const [folder, setFolder] = useState(() =>
    kind === 'new'
      ? siblingOf(currentPath, 'New workspace')
      : kind === 'duplicate'
        ? `${currentPath} copy`
        : kind === 'openArchive'
          ? siblingOf(currentPath, 'Opened workspace')
          : ''
  )
  const [archive, setArchive] = useState<{ path: string; name: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const browse = async () => {
    const { path } = await workspaceCall('chooseWorkspaceFolder', {
      purpose: kind === 'openArchive' ? 'into' : kind
    })
    if (path) setFolder(path)
  }
  const chooseArchive = async (file: File | null) => {
    if (!file) return
    setError(null)
    try {
      const path = await pathForFile(file)
      setArchive({ path, name: file.name })
      setFolder(siblingOf(currentPath, archiveStem(file.name)))
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const browseArchive = async () => {
    const { path } = await workspaceCall('chooseWorkspaceArchive')
    if (path) {
      const name = path.split(/[\\/]/).pop() ?? path
      setArchive({ path, name })
      setFolder(siblingOf(currentPath, archiveStem(name)))
    }
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const path = folder.trim()
    if (!path) return setError('Give a folder.')
    if (kind === 'openArchive' && !archive) return setError('Choose the .sbw file first.')
    setBusy(true)
    setError(null)
    try {
      if (kind === 'duplicate') {
        const copy = await workspaceCall('duplicateWorkspaceTo', { into: path })
        onDone({ path: copy.path, switched: false })
      } else if (kind === 'openArchive' && archive) {
        const opened = await workspaceCall('openWorkspaceFile', { archive: archive.path, into: path })
        onDone({ path: opened.path, switched: true })
      } else {
        const opened = await workspaceCall('openWorkspace', { path, create: kind === 'new' })
        onDone({ path: opened.path, switched: true })
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setBusy(false)
    }
  }

  return (
    <Modal
      title={text.title}
      testId="workspace-dialog"
      onClose={onClose}
      locked={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${folderId}-form`}
            className="btn btn-primary"
            disabled={busy}
            data-testid="workspace-dialog-submit"
          >
            {busy && <span className="spinner spinner-small" aria-hidden="true" />} {text.submit}
          </button>
        </>
      }
    >
      <form id={`${folderId}-form`} className="workspace-form" onSubmit={(e) => void submit(e)}>
        {kind === 'openArchive' && (
          <div className="field">
            <label htmlFor={fileId} className="field-label">
              Workspace file (.sbw)
            </label>
            {nativeDialogs ? (
              <div className="workspace-row">
                <span className="workspace-file" data-testid="workspace-archive-name">
                  {archive?.name ?? 'None chosen'}
                </span>
                <button id={fileId} type="button" className="btn" onClick={() => void browseArchive()}>
                  Choose…
                </button>
              </div>
            ) : (
              <input
                id={fileId}
                type="file"
                accept=".sbw"
                data-testid="workspace-archive-input"
                onChange={(e) => void chooseArchive(e.target.files?.[0] ?? null)}
              />
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={folderId} className="field-label">
            {text.folder}
          </label>
          <div className="workspace-row">
            <input
              id={folderId}
              className="input workspace-folder"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              aria-describedby={helpId}
              spellCheck={false}
              data-autofocus
              data-testid="workspace-folder"
            />
            {nativeDialogs && (
              <button type="button" className="btn" onClick={() => void browse()}>
                Browse…
              </button>
            )}
          </div>
          <p id={helpId} className="field-help">
            {text.help}
          </p>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="workspace-dialog-error">
            {error}
          </p>
        )}
      </form>
    </Modal>
  )
}
