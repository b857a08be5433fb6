import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ChartLook } from '../../../../shared/export'
import type { ChartId } from '../../../../shared/charts/chartDefs'
import { exportGroups, type ExportOption } from './exportOptions'
import { useExportContext } from './useExport'

interface ExportMenuProps {
  chartId: ChartId
  look?: ChartLook
}

/**
 * A chart's Export menu (WAI-ARIA menu button): Enter, Space or ArrowDown open it on the first item, Up/Down and
 * Home/End move through all items, Left/Right jump between the two columns, Enter picks, Escape or Tab closes
 * (Escape gives focus back to the button).
 */
export function ExportMenu({ chartId, look }: ExportMenuProps) {
  const exporter = useExportContext()
  const [open, setOpen] = useState(false)
  /** Open upwards when the button sits low in the window; maxHeight keeps the menu inside it either way. */
  const [place, setPlace] = useState<{ up: boolean; maxHeight: number }>({ up: false, maxHeight: 480 })
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const groups = exportGroups(chartId)
  // Images in one column, clipboard and data in the other: the menu stays short enough to open above or below any chart.
  const columns = groups.length > 1 ? [groups.slice(0, 1), groups.slice(1)] : [groups]

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return
    // Room inside the box that clips the menu: the scrolling view around the chart, else the window.
    const r = button.current.getBoundingClientRect()
    const clip = scrollParent(button.current)?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight }
    const below = Math.min(clip.bottom, window.innerHeight) - r.bottom - 8
    const above = r.top - Math.max(clip.top, 0) - 8
    const up = menu.current.scrollHeight > below && above > below
    setPlace({ up, maxHeight: Math.max(160, up ? above : below) })
  }, [open])

  useEffect(() => {
    if (!open) return
    // No scrolling to it: the menu may still be in its first position, and scrolling would shift the whole app.
    items()[0]?.focus({ preventScroll: true })
    // A press anywhere else closes the menu (focus stays where the user put it).
    const outside = (e: MouseEvent) => {
      const t = e.target as Node
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  if (!exporter) return null

  const pick = (o: ExportOption) => {
    close(true)
    // The drawn width, so a 1x PNG is the chart as seen (the plot host is the chart's own box).
    const host = button.current?.closest('figure')?.querySelector<HTMLElement>('.plot-host')
    void exporter.exportChart(chartId, o, { chartWidth: host?.clientWidth || undefined, look })
  }

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLButtonElement)
    const go = (i: number) => {
      const item = list[(i + list.length) % list.length]
      item?.focus({ preventScroll: true })
      item?.scrollIntoView({ block: 'nearest' }) // inside the menu when it scrolls (short windows)
    }
    if (e.key === 'ArrowDown') go(at + 1)
    else if (e.key === 'ArrowUp') go(at - 1)
    else if (e.key === 'Home') go(0)
    else if (e.key === 'End') go(list.length - 1)
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      // Between the columns: the first item of the next (or previous) one.
      const cols = [...(menu.current?.querySelectorAll('.export-menu-col') ?? [])]
      const col = cols.findIndex((c) => c.contains(document.activeElement))
      const target =
        cols[col + (e.key === 'ArrowRight' ? 1 : -1)]?.querySelector<HTMLButtonElement>('[role="menuitem"]')
      if (target) go(list.indexOf(target))
    } else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') return setOpen(false)
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  const busy = exporter.busy !== null
  return (
    <div className="export-menu-wrap">
      <button
        ref={button}
        type="button"
        className="btn btn-small btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        disabled={!exporter.request}
        data-testid="chart-export"
        data-chart-id={chartId}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(true)
          }
        }}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className={`export-menu${place.up ? ' export-menu-up' : ''}`}
          style={{ maxHeight: place.maxHeight }}
          role="menu"
          aria-label="Export"
          data-testid="export-menu"
          onKeyDown={onMenuKey}
        >
          {columns.map((col, ci) => (
            <div key={ci} className="export-menu-col" role="none">
              {col.map((g, gi) => (
                <Fragment key={g.label}>
                  {gi > 0 && <div className="export-menu-sep" role="separator" />}
                  <div role="group" aria-labelledby={`${menuId}-${ci}-${gi}`}>
                    <div id={`${menuId}-${ci}-${gi}`} className="export-menu-group" role="none">
                      {g.label}
                    </div>
                    {g.options.map((o) => (
                      <button
                        key={o.id}
                        type="button"
                        role="menuitem"
                        tabIndex={-1}
                        className="export-menu-item"
                        data-testid="export-option"
                        data-format={o.id}
                        // aria-disabled, not disabled: the item stays focusable so the arrows and Escape keep working.
                        aria-disabled={busy}
                        onClick={() => !busy && pick(o)}
                      >
                        <span>{o.label}</span>
                        {o.hint && <span className="export-menu-hint">{o.hint}</span>}
                      </button>
                    ))}
                  </div>
                </Fragment>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  )
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return p
  }
  return null
}
