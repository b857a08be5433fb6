import { useRef, useState, type DragEvent } from 'react'
import type { DeckAspect, DeckSlide, DeckTableId, ExportChartId } from '../../../../shared/export'
import { DECK_TABLE_IDS, EXPORT_CHART_IDS, INSIGHT_TABLE_TITLES } from '../../../../shared/export'
import { Modal } from '../../components/Modal'
import { CHARTS } from '../../../../shared/charts/chartDefs'
import { moveItem } from './exportOptions'
import { useExportContext } from './useExport'

/** A chart of the dashboard, or an insight table (one slide per platform). */
type DeckItemId = ExportChartId | DeckTableId
const isTable = (id: DeckItemId): id is DeckTableId => (DECK_TABLE_IDS as readonly string[]).includes(id)
const itemTitle = (id: DeckItemId) => (isTable(id) ? INSIGHT_TABLE_TITLES[id] : CHARTS[id].title)
const toSlide = (id: DeckItemId, title: string): DeckSlide =>
  isTable(id) ? { tableId: id, title: title || undefined } : { chartId: id, title: title || undefined }

export interface DeckDraft {
  title: string
  aspect: DeckAspect
  slides: { chartId: DeckItemId; title: string }[]
}

export const EMPTY_DECK: DeckDraft = { title: 'Social media benchmark', aspect: '16:9', slides: [] }

interface DeckBuilderProps {
  draft: DeckDraft
  onDraft: (d: DeckDraft) => void
  onClose: () => void
}

/**
 * Builds a PowerPoint deck from the dashboard's charts: add charts, order them (arrow buttons, or drag by the
 * handle), retitle them, pick 16:9 or 4:3. The draft lives in the view, so closing and reopening keeps it.
 */
export function DeckBuilder({ draft, onDraft, onClose }: DeckBuilderProps) {
  const exporter = useExportContext()
  const [dragFrom, setDragFrom] = useState<number | null>(null)
  const [dropAt, setDropAt] = useState<number | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const busy = exporter?.busy != null
  const inDeck = new Set(draft.slides.map((s) => s.chartId))
  const set = (patch: Partial<DeckDraft>) => onDraft({ ...draft, ...patch })

  const move = (from: number, to: number, focusSelector?: string) => {
    set({ slides: moveItem(draft.slides, from, to) })
    // Keep the keyboard on the moved slide's same button.
    if (focusSelector)
      requestAnimationFrame(() => listRef.current?.children[to]?.querySelector<HTMLElement>(focusSelector)?.focus())
  }

  const onDrop = (e: DragEvent, to: number) => {
    e.preventDefault()
    if (dragFrom !== null) move(dragFrom, dragFrom < to ? to - 1 : to)
    setDragFrom(null)
    setDropAt(null)
  }

  const exportDeck = async () => {
    if (!exporter) return
    const ok = await exporter.exportDeck({
      aspect: draft.aspect,
      title: draft.title.trim() || undefined,
      slides: draft.slides.map((s) => toSlide(s.chartId, s.title.trim()))
    })
    if (ok) onClose()
  }

  const footer = (
    <>
      <span className="deck-status muted" role="status">
        {busy && (
          <>
            <span className="spinner spinner-small" aria-hidden="true" /> Building the deck…
          </>
        )}
      </span>
      <button type="button" className="btn" onClick={onClose} disabled={busy}>
        Close
      </button>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="deck-export"
        disabled={busy || draft.slides.length === 0 || !exporter?.request}
        onClick={() => void exportDeck()}
      >
        Export .pptx
      </button>
    </>
  )

  return (
    <Modal
      title="Build a slide deck"
      testId="deck-builder"
      size="large"
      onClose={onClose}
      locked={busy}
      footer={footer}
    >
      <div className="deck-settings">
        <label className="bm-field deck-title-field">
          <span>Deck title (title slide)</span>
          <input
            className="input"
            value={draft.title}
            maxLength={200}
            onChange={(e) => set({ title: e.target.value })}
            data-testid="deck-title"
          />
        </label>
        <fieldset className="deck-aspect">
          <legend>Slide shape</legend>
          {(['16:9', '4:3'] as const).map((a) => (
            <label key={a} className="bm-check">
              <input
                type="radio"
                name="deck-aspect"
                value={a}
                checked={draft.aspect === a}
                onChange={() => set({ aspect: a })}
                data-testid="deck-aspect"
              />
              {a === '16:9' ? '16:9 widescreen' : '4:3 standard'}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="deck-columns">
        <section className="deck-available" aria-labelledby="deck-available-h">
          <h3 id="deck-available-h">Charts and tables on the dashboard</h3>
          <ul>
            {[...EXPORT_CHART_IDS, ...DECK_TABLE_IDS].map((id) => (
              <li key={id}>
                <span>
                  {itemTitle(id)}
                  {isTable(id) && <span className="muted"> (table, a slide per platform)</span>}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="deck-add"
                  data-chart-id={id}
                  disabled={inDeck.has(id)}
                  aria-label={`Add ${itemTitle(id)}`}
                  onClick={() => set({ slides: [...draft.slides, { chartId: id, title: '' }] })}
                >
                  {inDeck.has(id) ? 'Added' : 'Add'}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="deck-slides" aria-labelledby="deck-slides-h">
          <h3 id="deck-slides-h">
            Slides <span className="muted">in order, after the title slide</span>
          </h3>
          {draft.slides.length === 0 ? (
            <p className="deck-empty muted">Add charts from the list; they appear here in slide order.</p>
          ) : (
            <ol ref={listRef} onDragOver={(e) => dragFrom !== null && e.preventDefault()}>
              {draft.slides.map((s, i) => (
                <li
                  key={s.chartId}
                  className={`deck-chart${dragFrom === i ? ' is-dragging' : ''}${dropAt === i ? ' is-drop-target' : ''}`}
                  data-testid="deck-chart"
                  data-chart-id={s.chartId}
                  onDragOver={(e) => {
                    if (dragFrom === null) return
                    e.preventDefault()
                    // Upper half: drop before this slide; lower half: after it.
                    const r = e.currentTarget.getBoundingClientRect()
                    setDropAt(e.clientY < r.top + r.height / 2 ? i : i + 1)
                  }}
                  onDrop={(e) => onDrop(e, dropAt ?? i)}
                >
                  <span
                    className="deck-handle"
                    draggable
                    data-testid="deck-handle"
                    title="Drag to reorder"
                    aria-hidden="true"
                    onDragStart={(e) => {
                      setDragFrom(i)
                      e.dataTransfer.effectAllowed = 'move'
                      e.dataTransfer.setData('text/plain', s.chartId)
                      const row = e.currentTarget.parentElement
                      if (row) e.dataTransfer.setDragImage(row, 12, 12)
                    }}
                    onDragEnd={() => {
                      setDragFrom(null)
                      setDropAt(null)
                    }}
                  >
                    ⋮⋮
                  </span>
                  <span className="deck-number">{i + 1}</span>
                  <label className="deck-chart-title">
                    <span className="deck-chart-name">{itemTitle(s.chartId)}</span>
                    <input
                      className="input input-small"
                      value={s.title}
                      maxLength={200}
                      placeholder={itemTitle(s.chartId)}
                      aria-label={`Slide title for ${itemTitle(s.chartId)}`}
                      data-testid="deck-chart-title"
                      onChange={(e) =>
                        set({ slides: draft.slides.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)) })
                      }
                    />
                  </label>
                  <div className="deck-chart-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-ghost deck-up"
                      aria-label={`Move ${itemTitle(s.chartId)} up`}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1, '.deck-up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost deck-down"
                      aria-label={`Move ${itemTitle(s.chartId)} down`}
                      disabled={i === draft.slides.length - 1}
                      onClick={() => move(i, i + 1, '.deck-down')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-ghost btn-danger-text"
                      aria-label={`Remove ${itemTitle(s.chartId)}`}
                      data-testid="deck-remove"
                      onClick={() => set({ slides: draft.slides.filter((_, j) => j !== i) })}
                    >
                      ✕
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <p className="deck-note muted">
            A title slide comes first. Line and bar charts also get an editable PowerPoint chart on the slide after
            their image. Tables become editable PowerPoint tables, a slide per platform. Each item&rsquo;s methodology
            goes into the speaker notes.
          </p>
        </section>
      </div>
    </Modal>
  )
}
