// @vitest-environment happy-dom
/**
 * The SQL editor's error handling: the place a failed run points at comes from the failure's `at` field (the
 * engine's, over the bridge), not from the message text, and "Go to line" puts the editor's cursor there.
 * Institution-list parameters are filled from listInstitutions, not from a SELECT the view writes itself.
 * The library shows the answer to the latest search even when an earlier, unfiltered list arrives after it.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import type { Institution } from '../../../../shared/canonical'
import type { SavedQuery } from '../../../../shared/queries'
import { AppFailure } from '../../../../shared/result'
import { installFakeBridge } from '../../test/fakeBridge'
import { QueriesView } from './QueriesView'

afterEach(cleanup)

const SQL = `SELECT 1,\n  nosuchcolumn FROM posts\nWHERE account_id IN $institutions`
const QUERY: SavedQuery = {
  id: 7,
  name: 'Broken',
  description: '',
  tags: [],
  sql: SQL,
  params: [],
  chart: null,
  starter: false,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z'
}
const INSTITUTIONS: Institution[] = [
  { institutionId: 1, name: 'Harrow Clinic Network', color: '#E69F00', kind: null, accountCount: 1 },
  { institutionId: 2, name: 'Quillmere General', color: '#56B4E9', kind: null, accountCount: 1 }
]

function setup() {
  const bridge = installFakeBridge({
    listQueries: () => [QUERY],
    sqlSchema: () => ({ tables: [], functions: [] }),
    listInstitutions: () => INSTITUTIONS,
    runQuery: () => {
      // The message says nothing about where: the position travels only as the field.
      throw new AppFailure('SQL_FAILED', 'Referenced column "nosuchcolumn" was not found.', { line: 2, column: 3 })
    }
  })
  render(<QueriesView onError={() => undefined} toast={() => undefined} />)
  return { bridge, user: userEvent.setup({ delay: null }) }
}

function cursor(): { line: number; column: number } {
  const dom = screen.getByTestId('sql-editor').querySelector('.cm-editor') as HTMLElement
  const view = EditorView.findFromDOM(dom)!
  const head = view.state.selection.main.head
  const line = view.state.doc.lineAt(head)
  return { line: line.number, column: head - line.from + 1 }
}

describe('QueriesView', () => {
  it('marks where a failed run failed from the failure’s position field', async () => {
    const { bridge, user } = setup()
    await user.click(await screen.findByRole('button', { name: 'Broken' }))
    await user.click(screen.getByTestId('query-run'))
    const alert = await screen.findByTestId('query-error')
    expect(alert.textContent).toContain('Referenced column "nosuchcolumn" was not found.')
    expect(cursor()).toEqual({ line: 1, column: 1 })
    await user.click(screen.getByRole('button', { name: 'Go to line 2' }))
    expect(cursor()).toEqual({ line: 2, column: 3 })
    // The one runQuery was the user's SQL: the view sent none of its own.
    expect(bridge.inputs('runQuery').map((r) => r.sql)).toEqual([SQL])
  })

  it('offers the institutions from listInstitutions for an institution-list parameter', async () => {
    const { bridge, user } = setup()
    await user.click(await screen.findByRole('button', { name: 'Broken' }))
    await waitFor(() => expect(screen.getByText('Quillmere General')).toBeTruthy())
    expect(bridge.calls.map((c) => c.channel)).toContain('listInstitutions')
    expect(bridge.inputs('runQuery')).toEqual([])
  })

  it('keeps the searched list when the unfiltered list of the first render answers last', async () => {
    const other: SavedQuery = { ...QUERY, id: 8, name: 'Scaled range' }
    let releaseFirst: () => void = () => undefined
    const firstAnswered = new Promise<void>((done) => (releaseFirst = done))
    const bridge = installFakeBridge({
      // The opening, unfiltered list is slow (as after a reload); the searched one answers at once.
      listQueries: async (input) => {
        if (!input?.search) {
          await firstAnswered
          return [QUERY, other]
        }
        return [other]
      },
      sqlSchema: () => ({ tables: [], functions: [] }),
      listInstitutions: () => INSTITUTIONS
    })
    render(<QueriesView onError={() => undefined} toast={() => undefined} />)
    const user = userEvent.setup({ delay: null })
    await user.type(screen.getByTestId('query-search'), 'scaled')
    await waitFor(() =>
      expect(screen.getAllByTestId('query-item').map((li) => li.dataset.name)).toEqual(['Scaled range'])
    )
    expect(bridge.inputs('listQueries')[0]).toEqual({ search: '' })
    // Let the stale answer in: every step of its way to the list is a microtask, all run before the next macrotask.
    await act(async () => {
      releaseFirst()
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(screen.getAllByTestId('query-item').map((li) => li.dataset.name)).toEqual(['Scaled range'])
  })
})
