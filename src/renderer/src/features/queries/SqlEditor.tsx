import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react'
import { basicSetup } from 'codemirror'
import { Compartment, EditorSelection, EditorState, Prec } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import { completeFromList, type CompletionContext, type CompletionSource } from '@codemirror/autocomplete'
import { PostgreSQL, sql } from '@codemirror/lang-sql'
import type { SqlSchema } from '../../../../shared/queries'
import { useLatest } from '../../components/useLatest'
import { sqlHighlighting } from './sqlHighlight'

export interface SqlEditorHandle {
  /** The selected text, or null when nothing is selected. */
  selection(): string | null
  /** Put the cursor at a 1-based line and column and show it. */
  goTo(line: number, column: number): void
  focus(): void
}

interface SqlEditorProps {
  value: string
  onChange: (sql: string) => void
  onRun: () => void
  onSave: () => void
  schema: SqlSchema | null
}

/** Right after FROM or JOIN a table is what comes next, not one of DuckDB's ~600 functions. */
export const AFTER_FROM = /\b(FROM|JOIN)\s+("?[\w.]*)$/i

/**
 * DuckDB's function names, ranked under the workspace's tables and columns everywhere, and far under them after
 * FROM/JOIN: the list once offered `posexplode` and `pow` before `posts` there.
 */
function functionCompletion(names: string[]): CompletionSource {
  const options = (boost: number) =>
    completeFromList(names.map((f) => ({ label: f, type: 'function', apply: `${f}(`, boost })))
  const anywhere = options(-1)
  const afterFrom = options(-99)
  return (ctx: CompletionContext) => {
    const before = ctx.state.sliceDoc(Math.max(0, ctx.pos - 200), ctx.pos)
    return (AFTER_FROM.test(before) ? afterFrom : anywhere)(ctx)
  }
}

/** SQL completion: the workspace's tables and columns, and DuckDB's function names. */
function language(schema: SqlSchema | null) {
  const tables = Object.fromEntries((schema?.tables ?? []).map((t) => [t.name, t.columns.map((c) => c.name)]))
  const lang = sql({ dialect: PostgreSQL, schema: tables, upperCaseKeywords: true })
  return [lang, lang.language.data.of({ autocomplete: functionCompletion(schema?.functions ?? []) })]
}

/** CodeMirror 6 with the SQL language; Ctrl/Cmd+Enter runs (the selection if there is one), Ctrl/Cmd+S saves. */
export const SqlEditor = forwardRef<SqlEditorHandle, SqlEditorProps>(function SqlEditor(p, ref) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const langSlot = useMemo(() => new Compartment(), [])
  const props = useLatest(p)

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.current.value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run: () => (props.current.onRun(), true) },
              { key: 'Mod-s', run: () => (props.current.onSave(), true), preventDefault: true }
            ])
          ),
          basicSetup,
          sqlHighlighting,
          langSlot.of(language(props.current.schema)),
          placeholder('SELECT … FROM posts WHERE published_at >= $from'),
          EditorView.lineWrapping,
          EditorView.updateListener.of((u) => {
            if (u.docChanged) props.current.onChange(u.state.doc.toString())
          }),
          // An explicit tabindex so checkers (and some screen readers) count the scrolling editor as focusable.
          EditorView.contentAttributes.of({
            'aria-label': 'SQL editor',
            'data-testid': 'sql-editor-content',
            tabindex: '0'
          })
        ]
      })
    })
    view.current = v
    return () => v.destroy()
  }, [langSlot, props])

  // A query opened from the library replaces the text; typing does not come back through here.
  useEffect(() => {
    const v = view.current
    if (v && v.state.doc.toString() !== p.value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: p.value } })
    }
  }, [p.value])

  useEffect(() => {
    view.current?.dispatch({ effects: langSlot.reconfigure(language(p.schema)) })
  }, [p.schema, langSlot])

  useImperativeHandle(ref, () => ({
    selection() {
      const v = view.current
      if (!v) return null
      const text = v.state.selection.ranges.map((r) => v.state.sliceDoc(r.from, r.to)).join('\n')
      return text.trim() ? text : null
    },
    goTo(line, column) {
      const v = view.current
      if (!v) return
      const l = v.state.doc.line(Math.min(Math.max(1, line), v.state.doc.lines))
      const pos = Math.min(l.to, l.from + Math.max(0, column - 1))
      v.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true })
      v.focus()
    },
    focus() {
      view.current?.focus()
    }
  }))

  return <div ref={host} className="sql-editor" data-testid="sql-editor" />
})
