import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { WorkspaceState } from '../../../../shared/workspaces'

export type WorkspaceMenuAction =
  { kind: 'new' | 'open' | 'duplicate' | 'openArchive' | 'export' | 'reveal' } | { kind: 'recent'; path: string }

interface WorkspaceMenuProps {
  state: WorkspaceState | null
  busy: boolean
  onAction: (action: WorkspaceMenuAction) => void
}

/**
 * The window's File > workspace items (the same calls as the Electron menu), as a WAI-ARIA menu button that
 * names the open workspace: Enter, Space or ArrowDown open it, Up/Down/Home/End move, Enter picks, Escape closes.
 */
export function WorkspaceMenu({ state, busy, onAction }: WorkspaceMenuProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const recentId = useId()
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]

  useEffect(() => {
    if (!open) return
    items()[0]?.focus({ preventScroll: true })
    const outside = (e: MouseEvent) => {
      const t = e.target as Node
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  const pick = (action: WorkspaceMenuAction) => {
    setOpen(false)
    button.current?.focus()
    onAction(action)
  }
  const onMenuKey = (e: KeyboardEvent) => {
    const list = items().filter((b) => b.getAttribute('aria-disabled') !== 'true')
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    const go = (i: number) => list[(i + list.length) % list.length]?.focus({ preventScroll: true })
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(list.length - 1)
    else if (e.key === 'Escape') {
      setOpen(false)
      button.current?.focus()
    } else if (e.key === 'Tab') return setOpen(false)
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  const name = state?.current.name || 'Workspace'
  const item = (label: string, action: WorkspaceMenuAction, testId: string) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="workspace-menu-item"
      data-testid={testId}
      onClick={() => pick(action)}
    >
      {label}
    </button>
  )
  return (
    <div className="workspace-menu-wrap">
      <button
        ref={button}
        type="button"
        className="workspace-switch"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        title={state ? `Workspace: ${state.current.path}` : undefined}
        data-testid="workspace-menu-button"
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        <span className="workspace-switch-label">Workspace</span>
        <span className="workspace-switch-name" data-testid="workspace-name">
          {name}
        </span>
        <span aria-hidden="true" className="workspace-switch-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="workspace-menu"
          role="menu"
          aria-label="Workspace"
          data-testid="workspace-menu"
          onKeyDown={onMenuKey}
        >
          {item('New workspace…', { kind: 'new' }, 'workspace-new')}
          {item('Open workspace…', { kind: 'open' }, 'workspace-open')}
          <div className="workspace-menu-sep" role="separator" />
          <div role="group" aria-labelledby={recentId}>
            <div id={recentId} className="workspace-menu-group" role="none">
              Open Recent
            </div>
            {state?.recent.length ? (
              state.recent.map((r) => (
                <button
                  key={r.path}
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  className="workspace-menu-item workspace-recent"
                  data-testid="workspace-recent"
                  aria-disabled={!r.exists}
                  title={r.exists ? r.path : `${r.path} (gone)`}
                  onClick={() => r.exists && pick({ kind: 'recent', path: r.path })}
                >
                  <span className="workspace-recent-name">{r.name}</span>
                  <span className="workspace-recent-path">{r.exists ? r.path : `${r.path} (gone)`}</span>
                </button>
              ))
            ) : (
              <div className="workspace-menu-empty" role="none">
                No other workspace opened yet
              </div>
            )}
          </div>
          <div className="workspace-menu-sep" role="separator" />
          {item('Duplicate workspace…', { kind: 'duplicate' }, 'workspace-duplicate')}
          {item('Export as .sbw file…', { kind: 'export' }, 'workspace-export')}
          {item('Open .sbw file…', { kind: 'openArchive' }, 'workspace-open-archive')}
          {item(
            state?.nativeDialogs ? 'Reveal in file manager' : 'Show folder path',
            { kind: 'reveal' },
            'workspace-reveal'
          )}
        </div>
      )}
    </div>
  )
}
