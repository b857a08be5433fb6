import { useState } from 'react'
import type { SavedQuery } from '../../../../shared/queries'

interface QueryLibraryProps {
  queries: SavedQuery[]
  currentId: number | null
  search: string
  onSearch: (s: string) => void
  onOpen: (q: SavedQuery) => void
  onNew: () => void
  onRename: (q: SavedQuery, name: string) => Promise<void>
  onDuplicate: (q: SavedQuery) => void
  onDelete: (q: SavedQuery) => void
  onExportAll: () => void
  onImport: () => void
}

/** The saved queries: search (name, description, tags, SQL), open, rename, duplicate, delete (undo in a toast). */
export function QueryLibrary(p: QueryLibraryProps) {
  const [renaming, setRenaming] = useState<number | null>(null)
  const [draftName, setDraftName] = useState('')

  const commitRename = async (q: SavedQuery) => {
    const name = draftName.trim()
    if (name && name !== q.name) await p.onRename(q, name)
    setRenaming(null)
  }

  return (
    <aside className="q-library" aria-label="Query library" data-testid="query-library">
      <div className="q-library-head">
        <h2>Queries</h2>
        <button type="button" className="btn btn-small" onClick={p.onNew} data-testid="query-new">
          + New
        </button>
      </div>
      <input
        className="input input-small"
        type="search"
        placeholder="Search queries, tags, SQL…"
        aria-label="Search queries"
        data-testid="query-search"
        value={p.search}
        onChange={(e) => p.onSearch(e.target.value)}
      />
      <ul className="q-list">
        {p.queries.map((q) => (
          <li
            key={q.id}
            className={q.id === p.currentId ? 'q-item selected' : 'q-item'}
            data-testid="query-item"
            data-name={q.name}
          >
            {renaming === q.id ? (
              <input
                className="input input-small"
                autoFocus
                aria-label="New name"
                data-testid="query-rename-input"
                value={draftName}
                onChange={(e) => setDraftName(e.target.value)}
                onBlur={() => void commitRename(q)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') void commitRename(q)
                  if (e.key === 'Escape') setRenaming(null)
                }}
              />
            ) : (
              <button type="button" className="q-item-open" onClick={() => p.onOpen(q)} title={q.description || q.name}>
                <span className="q-item-name">{q.name}</span>
                {q.description && <span className="q-item-desc">{q.description}</span>}
                {q.tags.length > 0 && (
                  <span className="q-tags">
                    {q.tags.map((t) => (
                      <span key={t} className="q-tag">
                        {t}
                      </span>
                    ))}
                  </span>
                )}
              </button>
            )}
            <span className="q-item-actions">
              <button
                type="button"
                className="icon-button"
                title="Rename"
                aria-label={`Rename ${q.name}`}
                data-testid="query-rename"
                onClick={() => {
                  setDraftName(q.name)
                  setRenaming(q.id)
                }}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button"
                title="Duplicate"
                aria-label={`Duplicate ${q.name}`}
                data-testid="query-duplicate"
                onClick={() => p.onDuplicate(q)}
              >
                ⧉
              </button>
              <button
                type="button"
                className="icon-button"
                title="Delete"
                aria-label={`Delete ${q.name}`}
                data-testid="query-delete"
                onClick={() => p.onDelete(q)}
              >
                🗑
              </button>
            </span>
          </li>
        ))}
        {p.queries.length === 0 && (
          <li className="q-muted q-list-empty">{p.search ? 'No query matches.' : 'No saved queries yet.'}</li>
        )}
      </ul>
      <div className="q-library-foot">
        <button type="button" className="btn btn-small btn-ghost" onClick={p.onImport} data-testid="query-import">
          Import .sbq.json…
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={p.onExportAll}
          disabled={!p.queries.length}
          data-testid="query-export-all"
        >
          Export {p.search ? 'these' : 'all'}
        </button>
      </div>
    </aside>
  )
}
