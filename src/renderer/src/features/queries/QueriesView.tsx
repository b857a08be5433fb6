import { useCallback, useMemo, useRef, useState } from 'react'
import { format as formatSql } from 'sql-formatter'
import { call, pathForFile } from '../../api'
import {
  guessParamType,
  paramNames,
  type ChartSpec,
  type ParamDef,
  type ParamValue,
  type QueryPackPreview,
  type SavedQuery
} from '../../../../shared/queries'
import { downloadText } from './download'
import { ImportPackDialog } from './ImportPackDialog'
import { ParamInputs } from './ParamInputs'
import { QueryLibrary } from './QueryLibrary'
import { ResultChart } from './ResultChart'
import { ResultGrid } from './ResultGrid'
import { SqlEditor, type SqlEditorHandle } from './SqlEditor'
import { suggestChart } from '../../../../shared/charts/queryChart'
import { useLibrary } from './useLibrary'
import { useUndo } from '../undo/useUndo'
import { useQueries } from './useQueries'
import '../../styles/queries.css'

interface QueriesViewProps {
  onError: (err: unknown, context?: string) => void
  toast: (message: string) => void
  /** A new, unsaved query to start from (a grid's "Open as query"). */
  opened?: { name: string; sql: string } | null
}

interface Draft {
  id: number | null
  name: string
  description: string
  tags: string
  sql: string
  params: ParamDef[]
  chart: ChartSpec | null
}

const EMPTY: Draft = { id: null, name: 'Untitled query', description: '', tags: '', sql: '', params: [], chart: null }
const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+'

function fromSaved(q: SavedQuery): Draft {
  return {
    id: q.id,
    name: q.name,
    description: q.description,
    tags: q.tags.join(', '),
    sql: q.sql,
    params: q.params,
    chart: q.chart
  }
}

function defaults(params: ParamDef[]): Record<string, ParamValue> {
  return Object.fromEntries(params.filter((p) => p.default !== undefined).map((p) => [p.name, p.default as ParamValue]))
}

/** The SQL editor and query library: write, run, chart, save and share queries. */
/** "Imported 2 queries and 3 topics (1 kept as it was: Vaccination)". */
function importedSummary(queries: number, topics: { saved: unknown[]; kept: string[] } | null): string {
  const parts = [`${queries} ${queries === 1 ? 'query' : 'queries'}`]
  if (topics) parts.push(`${topics.saved.length} ${topics.saved.length === 1 ? 'topic' : 'topics'}`)
  const kept = topics?.kept.length ? ` (already here, kept as they were: ${topics.kept.join(', ')})` : ''
  return `Imported ${parts.join(' and ')}${kept}`
}

export function QueriesView({ onError, toast, opened }: QueriesViewProps) {
  const library = useLibrary(onError)
  const { schema, institutions, running, result, error, run: runSql, cancel, clear } = useQueries(onError)
  const [draft, setDraft] = useState<Draft>(() => (opened ? { ...EMPTY, name: opened.name, sql: opened.sql } : EMPTY))
  const [values, setValues] = useState<Record<string, ParamValue>>({})
  const [tab, setTab] = useState<'table' | 'chart'>('table')
  const undo = useUndo()
  const [pack, setPack] = useState<QueryPackPreview | null>(null)
  const [importing, setImporting] = useState(false)
  const editor = useRef<SqlEditorHandle>(null)
  const packInput = useRef<HTMLInputElement>(null)

  // Every $name in the SQL gets an input; its type comes from the saved definition or a guess from its name.
  const params = useMemo<ParamDef[]>(
    () =>
      paramNames(draft.sql).map(
        (name) => draft.params.find((p) => p.name === name) ?? { name, type: guessParamType(name, draft.sql) }
      ),
    [draft.sql, draft.params]
  )

  const open = useCallback(
    (q: SavedQuery) => {
      setDraft(fromSaved(q))
      setValues(defaults(q.params))
      clear()
      setTab(q.chart ? 'chart' : 'table')
    },
    [clear]
  )

  const run = useCallback(async () => {
    const info = await runSql(editor.current?.selection() ?? draft.sql, params, values)
    if (info && !draft.chart) {
      const suggestion = suggestChart(info.columns)
      if (suggestion) setDraft((d) => (d.chart ? d : { ...d, chart: suggestion }))
    }
  }, [runSql, draft.sql, draft.chart, params, values])

  const save = useCallback(async () => {
    const query = {
      name: draft.name.trim() || 'Untitled query',
      description: draft.description,
      tags: draft.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      sql: draft.sql,
      // The values in the inputs are saved as the defaults, so reopening restores them.
      params: params.map((p) => (p.name in values ? { ...p, default: values[p.name] } : p)),
      chart: draft.chart
    }
    if (!query.sql.trim()) return onError(new Error('Write some SQL first.'), 'Cannot save')
    try {
      const saved = await call('saveQuery', { id: draft.id, query })
      setDraft(fromSaved(saved))
      toast(`Saved “${saved.name}”`)
      void library.refresh()
    } catch (err) {
      onError(err, 'Could not save the query')
    }
  }, [draft, params, values, library, onError, toast])

  const remove = async (q: SavedQuery) => {
    try {
      const answer = await call('deleteQuery', { id: q.id })
      if (draft.id === q.id) setDraft((d) => ({ ...d, id: null }))
      undo.offer(answer.undo)
      void library.refresh()
    } catch (err) {
      onError(err, `Could not delete ${q.name}`)
    }
  }

  /** `topics`: the library's "Export all" carries the workspace's topic rules too. */
  const exportQueries = async (ids: number[], topics = false) => {
    try {
      const out = await call('exportQueries', { ids, topics })
      downloadText(out.fileName, out.text)
    } catch (err) {
      onError(err, 'Could not export')
    }
  }

  const readPack = async (file: File) => {
    try {
      setPack(await call('readQueryPack', { path: await pathForFile(file) }))
    } catch (err) {
      onError(err, `Could not read ${file.name}`)
    }
  }

  const savePack = async () => {
    if (!pack) return
    setImporting(true)
    try {
      const saved = pack.queries.length ? await call('importQueries', { queries: pack.queries }) : []
      const topics = pack.topics?.length ? await call('importTopics', { topics: pack.topics }) : null
      toast(importedSummary(saved.length, topics))
      setPack(null)
      await library.refresh()
      if (saved.length === 1) open(saved[0])
    } catch (err) {
      onError(err, 'Could not import the queries')
    } finally {
      setImporting(false)
    }
  }

  const format = () => {
    try {
      setDraft((d) => ({
        ...d,
        sql: formatSql(d.sql, { language: 'duckdb', keywordCase: 'upper', paramTypes: { named: ['$'] } })
      }))
    } catch (err) {
      onError(err, 'Could not format this SQL')
    }
  }

  const at = error?.at ?? null

  return (
    <section className="queries-view" aria-labelledby="queries-title" data-testid="queries-view">
      <QueryLibrary
        queries={library.queries}
        currentId={draft.id}
        search={library.search}
        onSearch={library.setSearch}
        onOpen={open}
        onNew={() => {
          setDraft(EMPTY)
          setValues({})
          clear()
          editor.current?.focus()
        }}
        onRename={async (q, name) => {
          try {
            const r = await call('renameQuery', { id: q.id, name })
            if (draft.id === q.id) setDraft((d) => ({ ...d, name: r.name }))
            void library.refresh()
          } catch (err) {
            onError(err, 'Could not rename')
          }
        }}
        onDuplicate={async (q) => {
          try {
            const copy = await call('duplicateQuery', { id: q.id })
            toast(`Duplicated as “${copy.name}”`)
            await library.refresh()
            open(copy)
          } catch (err) {
            onError(err, 'Could not duplicate')
          }
        }}
        onDelete={(q) => void remove(q)}
        onExportAll={() =>
          void exportQueries(
            library.queries.map((q) => q.id),
            true
          )
        }
        onImport={() => packInput.current?.click()}
      />

      <div className="q-main">
        <header className="q-head">
          <h1 id="queries-title" className="visually-hidden">
            Queries
          </h1>
          <input
            className="input q-name"
            aria-label="Query name"
            data-testid="query-name"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <div className="q-actions">
            {running ? (
              <button type="button" className="btn btn-danger" onClick={cancel} data-testid="query-cancel">
                <span className="spinner spinner-small" aria-hidden="true" /> Cancel
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void run()}
                data-testid="query-run"
                title={`Run (${mod}Enter); runs the selection if there is one`}
              >
                ▶ Run
              </button>
            )}
            <button type="button" className="btn" onClick={format} title="Format the SQL">
              Format
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void save()}
              data-testid="query-save"
              title={`Save (${mod}S)`}
            >
              Save
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={!draft.id}
              onClick={() => draft.id && void exportQueries([draft.id])}
              data-testid="query-export"
              title="Export as .sbq.json (SQL, parameters, chart; no data)"
            >
              Export
            </button>
          </div>
        </header>
        <div className="q-meta">
          <input
            className="input input-small"
            placeholder="Description"
            aria-label="Description"
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <input
            className="input input-small q-tags-input"
            placeholder="Tags, comma-separated"
            aria-label="Tags"
            value={draft.tags}
            onChange={(e) => setDraft({ ...draft, tags: e.target.value })}
          />
        </div>

        <ParamInputs
          params={params}
          values={values}
          institutions={institutions}
          onType={(name, type) =>
            setDraft((d) => ({
              ...d,
              params: [
                ...d.params.filter((p) => p.name !== name),
                { ...(params.find((p) => p.name === name) ?? { name }), type }
              ]
            }))
          }
          onValue={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        />

        <SqlEditor
          ref={editor}
          value={draft.sql}
          schema={schema}
          onChange={(sql) => setDraft((d) => ({ ...d, sql }))}
          onRun={() => void run()}
          onSave={() => void save()}
        />

        {error && (
          <div className="q-error" role="alert" data-testid="query-error">
            <span>{error.message}</span>
            {at && (
              <button type="button" className="link-button" onClick={() => editor.current?.goTo(at.line, at.column)}>
                Go to line {at.line}
              </button>
            )}
          </div>
        )}

        <div className="q-results">
          <div className="q-results-bar">
            <div className="q-tabs" role="tablist">
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'table'}
                className="q-tab"
                onClick={() => setTab('table')}
                data-testid="tab-table"
              >
                Table
              </button>
              <button
                type="button"
                role="tab"
                aria-selected={tab === 'chart'}
                className="q-tab"
                onClick={() => setTab('chart')}
                data-testid="tab-chart"
              >
                Chart
              </button>
            </div>
            {result && (
              <span className="q-status" data-testid="query-status">
                {result.rowCount.toLocaleString('en-US')} {result.rowCount === 1 ? 'row' : 'rows'}
                {result.truncated && ' (first rows only: the result was cut)'} ·{' '}
                {result.elapsedMs.toLocaleString('en-US')} ms
              </span>
            )}
            {running && <span className="q-status">Running…</span>}
          </div>
          {!result && !running && <div className="q-placeholder">Run a query ({mod}Enter) to see its rows here.</div>}
          {result && tab === 'table' && <ResultGrid info={result} onError={onError} />}
          {result &&
            tab === 'chart' &&
            (draft.chart ? (
              <ResultChart
                info={result}
                spec={draft.chart}
                title={draft.name}
                onSpec={(chart) => setDraft((d) => ({ ...d, chart }))}
                onError={onError}
              />
            ) : (
              <div className="q-placeholder">This result has no column to chart.</div>
            ))}
        </div>
      </div>

      <input
        ref={packInput}
        type="file"
        hidden
        accept=".json,.sbq.json,application/json"
        data-testid="query-import-input"
        onChange={(e) => {
          const f = e.target.files?.[0]
          e.target.value = ''
          if (f) void readPack(f)
        }}
      />
      {pack && (
        <ImportPackDialog pack={pack} busy={importing} onSave={() => void savePack()} onCancel={() => setPack(null)} />
      )}
    </section>
  )
}
