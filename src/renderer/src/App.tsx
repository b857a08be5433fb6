import { useCallback, useEffect, useRef, useState } from 'react'
import { api, on } from './api'
import type { DatasetSummary, ImportResult, WorkspaceInfo } from '../../shared/types'
import { ConfirmDialog } from './components/ConfirmDialog'
import { ErrorBanner } from './components/ErrorBanner'
import { Toasts } from './components/Toasts'
import { useNotices } from './components/useNotices'
import { AboutDialog } from './features/about/AboutDialog'
import { BenchmarkView } from './features/benchmark/BenchmarkView'
import { DatasetsView } from './features/datasets/DatasetsView'
import { useDatasets } from './features/datasets/useDatasets'
import { DropZone } from './features/import/DropZone'
import { ImportDialog } from './features/import/ImportDialog'
import { ImportReport } from './features/import/ImportReport'
import { useImport } from './features/import/useImport'
import { InstitutionsView } from './features/institutions/InstitutionsView'
import { EventsView } from './features/timeline/EventsView'
import { QueriesView } from './features/queries/QueriesView'
import { Sidebar, type View } from './features/layout/Sidebar'
import { StatusBar, type Activity } from './features/layout/StatusBar'
import { useTheme } from './features/theme/useTheme'
import { WelcomeView } from './features/welcome/WelcomeView'
import { WorkspaceDialog, type WorkspaceDialogKind } from './features/workspaces/WorkspaceDialog'
import { WorkspaceMenu, type WorkspaceMenuAction } from './features/workspaces/WorkspaceMenu'
import { useWorkspaces } from './features/workspaces/useWorkspaces'
import { workspaceCall } from './features/workspaces/workspaceApi'
import { isEditable, useShortcuts } from './useShortcuts'
import { UndoContext, useUndoStack } from './features/undo/useUndo'
import { ShortcutSheet } from './features/shortcuts/ShortcutSheet'
import type { AppCommand } from '../../shared/shortcuts'
import { IMPORT_ACCEPT } from '../../shared/importFiles'
import { countOf, importToast } from '../../shared/countWords'

const PHASE_WORD: Record<string, string> = {
  reading: 'reading',
  converting: 'converting',
  loading: 'loading',
  committing: 'saving',
  done: 'done'
}

export function App() {
  const notices = useNotices()
  const { showError, toast } = notices
  const { theme, toggle: toggleTheme } = useTheme()
  const ds = useDatasets(showError)
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null)
  const [view, setView] = useState<View | null>(null)
  const [about, setAbout] = useState(false)
  // SQL a grid's "Open as query" handed to the Queries editor; read once when that view opens.
  const [openedQuery, setOpenedQuery] = useState<{ name: string; sql: string } | null>(null)
  const [shortcutSheet, setShortcutSheet] = useState(false)
  // The report of the last import, shown above the datasets until closed or the user goes to another view (not
  // modal: the next import can start). Left open, it sat over the dashboard and the queries.
  const [report, setReport] = useState<ImportResult | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<DatasetSummary | null>(null)
  const [deleting, setDeleting] = useState(false)
  const [renamingId, setRenamingId] = useState<number | null>(null)
  const [loadingSample, setLoadingSample] = useState(false)
  const [sampleActivity, setSampleActivity] = useState<Activity | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const mainRef = useRef<HTMLElement>(null)
  const workspaces = useWorkspaces(showError)
  const [workspaceDialog, setWorkspaceDialog] = useState<WorkspaceDialogKind | null>(null)

  const onWorkspaceAction = useCallback(
    async (action: WorkspaceMenuAction) => {
      if (action.kind === 'recent') return workspaces.switchTo(action.path)
      if (action.kind === 'export') {
        workspaces.setBusy(true)
        try {
          const saved = await workspaceCall('exportWorkspaceFile')
          if (saved.saved) {
            const counts = saved.manifest?.counts
            toast(
              `Exported ${saved.path?.split(/[\\/]/).pop() ?? 'the workspace'}${counts ? `: ${countOf(counts.datasets, 'dataset')}, ${countOf(counts.institutions, 'institution')}` : ''}`
            )
          }
        } catch (err) {
          showError(err, 'Could not export the workspace')
        } finally {
          workspaces.setBusy(false)
        }
        return
      }
      if (action.kind === 'reveal') {
        try {
          const r = await workspaceCall('revealWorkspace')
          if (!r.revealed) toast(`The workspace folder is ${r.path}`)
        } catch (err) {
          showError(err, 'Could not show the workspace folder')
        }
        return
      }
      setWorkspaceDialog(action.kind)
    },
    [showError, toast, workspaces]
  )

  const refreshWorkspace = useCallback(async () => {
    try {
      setWorkspace(await api.workspaceInfo())
    } catch (err) {
      showError(err, 'Could not open the workspace')
    }
  }, [showError])

  // After an undo every view reloads (their hooks watch undo.revision); the datasets list lives here.
  const undo = useUndoStack(
    toast,
    showError,
    useCallback(() => {
      void ds.refresh()
      void refreshWorkspace()
    }, [ds.refresh, refreshWorkspace]) // eslint-disable-line react-hooks/exhaustive-deps
  )

  // First load: an empty workspace greets with the welcome view, otherwise the datasets.
  useEffect(() => {
    void (async () => {
      try {
        const info = await api.workspaceInfo()
        setWorkspace(info)
        if (info.upgrade) {
          toast(
            `Upgraded this workspace from schema ${info.upgrade.from} to ${info.upgrade.to}; the original is kept as ${info.upgrade.backupPath}`
          )
        }
        const list = await ds.refresh()
        // A view the user already picked (sidebar click while the workspace was opening) wins over the default.
        setView((v) => v ?? (info.isEmpty && list.length === 0 ? 'welcome' : 'datasets'))
      } catch (err) {
        showError(err, 'Could not open the workspace')
        setView('welcome')
      }
    })()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const imports = useImport({
    onImported: (dataset, _warnings, result) => {
      toast(importToast(dataset.name, dataset.rows, result.recognition))
      // Warnings are listed in the import report.
      setReport(result)
      setView('datasets')
      void ds.refresh(dataset.id)
      void refreshWorkspace()
    },
    onShowDataset: (id) => {
      setView('datasets')
      void ds.refresh(id)
    },
    onError: showError
  })

  const openPicker = useCallback(() => fileInput.current?.click(), [])

  const openSample = useCallback(async () => {
    setLoadingSample(true)
    setSampleActivity({ text: 'Opening the sample workspace…', fraction: null })
    try {
      const { datasets } = await api.loadSample()
      toast(`Sample workspace ready: ${countOf(datasets.length, 'dataset')}`)
      await ds.refresh()
      await refreshWorkspace()
      setView('datasets')
    } catch (err) {
      showError(err, 'Could not open the sample workspace')
    } finally {
      setLoadingSample(false)
      setSampleActivity(null)
    }
  }, [ds, refreshWorkspace, showError, toast])

  // The sample loads through the import pipeline; show its progress in the status bar.
  useEffect(
    () =>
      on('importProgress', (p) => {
        if (!loadingSample) return
        setSampleActivity({ text: `Sample: ${p.fileName} — ${PHASE_WORD[p.phase] ?? p.phase}`, fraction: p.fraction })
      }),
    [loadingSample]
  )

  /** The user going to a view: the import report belongs to the import just done, so it closes. */
  const navigate = useCallback((next: View) => {
    setReport(null)
    setOpenedQuery(null)
    setView(next)
  }, [])
  const showDatasets = useCallback(() => navigate('datasets'), [navigate])

  // The shell restarts a crashed engine host; re-read what is on screen, or say plainly that it is gone.
  useEffect(
    () =>
      on('engineStatus', ({ state }) => {
        if (state === 'restarted') {
          toast('The data engine restarted; the view was reloaded.')
          void ds.refresh()
          void refreshWorkspace()
        } else {
          showError(new Error('The data engine stopped after repeated failures. Please restart Socialbench.'))
        }
      }),
    [ds.refresh, refreshWorkspace, showError, toast] // eslint-disable-line react-hooks/exhaustive-deps
  )

  // Native menu: File > Import… hands us paths; other items arrive as commands.
  useEffect(() => on('openImport', ({ paths }) => imports.enqueue(paths)), [imports.enqueue]) // eslint-disable-line react-hooks/exhaustive-deps
  // One dispatcher for the shared command list: the Electron menu sends these, the keyboard runs the same ones.
  const runCommand = useCallback(
    (command: AppCommand) => {
      if (command === 'import') openPicker()
      else if (command === 'undo') {
        // Edit > Undo from the menu: typing in a field is undone there; anything else is the app's last action.
        if (isEditable(document.activeElement)) document.execCommand('undo')
        else void undo.undoLatest()
      } else if (command === 'showDatasets') navigate('datasets')
      else if (command === 'showInstitutions') navigate('institutions')
      else if (command === 'showBenchmarks') navigate('benchmarks')
      else if (command === 'showQueries') navigate('queries')
      else if (command === 'showEvents') navigate('events')
      else if (command === 'toggleTheme') toggleTheme()
      else if (command === 'shortcuts') setShortcutSheet(true)
      else if (command === 'about') setAbout(true)
    },
    [navigate, openPicker, toggleTheme, undo]
  )
  useEffect(() => on('menuCommand', ({ command }) => runCommand(command)), [runCommand])

  useShortcuts({
    run: runCommand,
    deleteSelected: () => view === 'datasets' && ds.selected && askDelete(ds.selected),
    renameSelected: () => view === 'datasets' && ds.selected && setRenamingId(ds.selected.id)
  })

  const deleteDataset = async (d: DatasetSummary) => {
    setDeleting(true)
    try {
      undo.offer((await ds.remove(d.id)).undo)
      void refreshWorkspace()
    } catch (err) {
      showError(err, `Could not delete ${d.name}`)
    } finally {
      setDeleting(false)
      setConfirmDelete(null)
    }
  }
  // Undo brings any delete back while the workspace is open; only the last copy of a raw table asks first, since
  // its rows are gone for good once the workspace closes. A re-import of the same file shares it (migration 5).
  const askDelete = (d: DatasetSummary) => {
    const shared = ds.datasets.some((o) => o.id !== d.id && o.tableName === d.tableName)
    if (shared) void deleteDataset(d)
    else setConfirmDelete(d)
  }

  const job = imports.job
  const activity: Activity | null =
    job?.stage === 'importing'
      ? {
          text: `Importing ${job.preview?.fileName ?? ''} — ${PHASE_WORD[job.progress?.phase ?? 'reading']}`,
          fraction: job.progress?.fraction ?? null
        }
      : sampleActivity

  return (
    <UndoContext.Provider value={undo}>
      <div className="app">
        {/* First in the tab order. Not a plain #main link: the address's hash carries the harness token. */}
        <a
          href="#main-content"
          className="skip-link"
          data-testid="skip-link"
          onClick={(e) => {
            e.preventDefault()
            mainRef.current?.focus()
          }}
        >
          Skip to main content
        </a>
        <Sidebar
          view={view ?? 'welcome'}
          datasetCount={ds.datasets.length}
          theme={theme}
          importBusy={job?.stage === 'importing'}
          onShowDatasets={showDatasets}
          onShowBenchmarks={() => navigate('benchmarks')}
          onShowInstitutions={() => navigate('institutions')}
          onShowEvents={() => navigate('events')}
          onShowQueries={() => navigate('queries')}
          onImport={openPicker}
          onAbout={() => setAbout(true)}
          onShortcuts={() => setShortcutSheet(true)}
          onToggleTheme={toggleTheme}
          workspaceMenu={
            <WorkspaceMenu
              state={workspaces.state}
              busy={workspaces.busy}
              onAction={(a) => void onWorkspaceAction(a)}
            />
          }
        />
        <main className="main" id="main-content" ref={mainRef} tabIndex={-1} data-testid="main">
          <ErrorBanner errors={notices.errors} onDismiss={notices.dismissError} />
          {report && (
            <ImportReport
              key={report.dataset.id}
              result={report}
              onClose={() => setReport(null)}
              onError={showError}
              onMapped={() => void ds.refresh(report.dataset.id)}
            />
          )}
          {view === null && (
            <div className="loading-block center">
              <span className="spinner" aria-hidden="true" /> Opening the workspace…
            </div>
          )}
          {view === 'welcome' && (
            <WelcomeView loadingSample={loadingSample} onOpenSample={openSample} onImport={openPicker} />
          )}
          {view === 'datasets' && (
            <DatasetsView
              datasets={ds.datasets}
              selected={ds.selected}
              renamingId={renamingId}
              onSelect={ds.select}
              onStartRename={setRenamingId}
              onEndRename={() => setRenamingId(null)}
              onRename={async (id, name) => {
                const updated = await ds.rename(id, name)
                toast(`Renamed to “${updated.name}”`)
              }}
              onDelete={askDelete}
              onImport={openPicker}
              onOpenSample={openSample}
              loadingSample={loadingSample}
              onError={showError}
              onOpenQuery={(sql, name) => {
                setReport(null)
                setOpenedQuery({ sql, name: `${name} (from the grid)` })
                setView('queries')
              }}
            />
          )}
          {view === 'benchmarks' && <BenchmarkView onError={showError} />}
          {view === 'institutions' && <InstitutionsView onError={showError} />}
          {view === 'events' && <EventsView onError={showError} toast={toast} />}
          {view === 'queries' && <QueriesView onError={showError} toast={toast} opened={openedQuery} />}
        </main>
        <StatusBar
          workspacePath={workspace?.path ?? null}
          workspaceName={workspaces.state?.current.name ?? null}
          datasetCount={ds.datasets.length}
          activity={activity}
        >
          <Toasts toasts={notices.toasts} onDismiss={notices.dismissToast} />
        </StatusBar>

        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="import-file-input"
          accept={IMPORT_ACCEPT}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])]
            e.target.value = '' // so choosing the same file again still fires change
            if (files.length) void imports.enqueueFiles(files)
          }}
        />
        <DropZone onFiles={(files) => void imports.enqueueFiles(files)} />

        {job && (
          <ImportDialog
            job={job}
            queued={imports.queued}
            onOptions={imports.setOptions}
            onCommit={(allowDuplicate) => void imports.commit(allowDuplicate)}
            onCancel={() => void imports.cancel()}
            onShowExisting={imports.showExisting}
            onRepreview={imports.repreview}
          />
        )}
        {confirmDelete && (
          <ConfirmDialog
            title="Delete dataset?"
            confirmLabel="Delete"
            danger
            busy={deleting}
            onConfirm={() => void deleteDataset(confirmDelete)}
            onCancel={() => setConfirmDelete(null)}
          >
            <p>
              Delete <strong data-testid="confirm-name">{confirmDelete.name}</strong> (
              {countOf(confirmDelete.rows, 'row')}) from this workspace? The original file is not touched. Edit &gt;
              Undo brings it back until the workspace is closed.
            </p>
          </ConfirmDialog>
        )}
        {workspaceDialog && workspaces.state && (
          <WorkspaceDialog
            kind={workspaceDialog}
            currentPath={workspaces.state.current.path}
            nativeDialogs={workspaces.state.nativeDialogs}
            onClose={() => setWorkspaceDialog(null)}
            onDone={({ path, switched }) => {
              if (switched) return workspaces.reload()
              setWorkspaceDialog(null)
              toast(`Copied the workspace to ${path}`)
              void workspaces.refresh()
            }}
          />
        )}
        {about && <AboutDialog onClose={() => setAbout(false)} />}
        {shortcutSheet && <ShortcutSheet onClose={() => setShortcutSheet(false)} />}
      </div>
    </UndoContext.Provider>
  )
}
