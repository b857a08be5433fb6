// @vitest-environment happy-dom
/**
 * The grid against a fake of the renderer's bridge: what it sends on datasetPage when the user sorts, filters and
 * searches (the engine does the work), the filter editor's checks, and cells selected by keys copied as TSV.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { tableToIPC, tableFromArrays } from 'apache-arrow'
import { afterEach, describe, expect, it } from 'vitest'
import type { DatasetSummary } from '../../../../shared/types'
import { installFakeBridge } from '../../test/fakeBridge'
import { DatasetGrid } from './DatasetGrid'

afterEach(cleanup)

// happy-dom lays nothing out: give elements a size so the virtualizer shows rows.
for (const [prop, value] of [
  ['offsetWidth', 1000],
  ['offsetHeight', 600],
  ['clientWidth', 1000],
  ['clientHeight', 600]
] as const) {
  Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value })
}
HTMLElement.prototype.getBoundingClientRect = function () {
  return { x: 0, y: 0, top: 0, left: 0, right: 1000, bottom: 600, width: 1000, height: 600, toJSON: () => ({}) }
}

const DATASET: DatasetSummary = {
  id: 4,
  name: 'posts',
  tableName: 'ds_4',
  fileName: 'posts.csv',
  format: 'csv',
  rows: 3,
  columns: [
    { name: 'title', type: 'VARCHAR' },
    { name: 'likes', type: 'BIGINT' },
    { name: 'day', type: 'DATE' }
  ],
  sizeBytes: 100,
  importedAt: '2026-01-01T00:00:00Z',
  sha256: 'ab'.repeat(32),
  recognizedFormat: null,
  platform: null
}

const ARROW = tableToIPC(
  tableFromArrays({
    title: ['Say "hi"', 'tab\there', 'plain'],
    likes: Float64Array.from([1.5, 20, 300]),
    day: ['2024-01-01', '2024-01-02', '2024-01-03']
  }),
  'stream'
)

/** Each test its own dataset id: the grid remembers its state per dataset for as long as the window is open. */
let nextId = 1

function setup() {
  const bridge = installFakeBridge({
    datasetPage: () => ({ arrow: ARROW, offset: 0, totalRows: 3 }),
    datasetQuerySql: () => ({ sql: 'SELECT 1' })
  })
  const dataset = { ...DATASET, id: nextId++ }
  render(<DatasetGrid dataset={dataset} onError={(e) => console.error(e)} onOpenQuery={() => undefined} />)
  return { bridge, user: userEvent.setup({ delay: null }) }
}

describe('DatasetGrid', () => {
  it('sends the sort, a filter and the search to the engine', async () => {
    const { bridge, user } = setup()
    await waitFor(() => expect(bridge.inputs('datasetPage').length).toBeGreaterThan(0))
    await user.click(screen.getByTitle('Sort by likes'))
    await waitFor(() =>
      expect(bridge.inputs('datasetPage').at(-1)).toMatchObject({ sort: { column: 'likes', direction: 'asc' } })
    )

    await user.click(screen.getByRole('button', { name: /^likes: sort, filter/ }))
    await user.type(screen.getByLabelText('Lowest likes'), '10')
    await user.click(screen.getByRole('button', { name: 'Apply filter' }))
    await waitFor(() =>
      expect(bridge.inputs('datasetPage').at(-1)?.filters).toEqual([
        { column: 'likes', kind: 'numberRange', min: 10, max: null }
      ])
    )
    expect(screen.getByText('likes ≥ 10')).toBeTruthy()

    await user.type(screen.getByLabelText('Search all columns'), 'tab')
    await waitFor(() => expect(bridge.inputs('datasetPage').at(-1)?.search).toBe('tab'))
  })

  it('says what is wrong with a filter instead of sending it', async () => {
    const { bridge, user } = setup()
    await user.click(screen.getByRole('button', { name: /^likes: sort, filter/ }))
    await user.type(screen.getByLabelText('Lowest likes'), '50')
    await user.type(screen.getByLabelText('Highest likes'), '5')
    await user.click(screen.getByRole('button', { name: 'Apply filter' }))
    expect(screen.getByRole('alert').textContent).toBe('The lowest value is above the highest.')
    await user.click(screen.getByRole('button', { name: /^day: sort, filter/ }))
    await user.click(screen.getByRole('button', { name: 'Apply filter' }))
    expect(screen.getByRole('alert').textContent).toBe('Pick a first or a last day.')
    expect(bridge.inputs('datasetPage').every((i) => !i.filters?.length)).toBe(true)
  })

  it('selects with the keyboard and copies TSV with Excel quoting', async () => {
    const { user } = setup()
    const copied = () => navigator.clipboard.readText()
    await waitFor(() => expect(screen.getAllByRole('gridcell', { selected: false }).length).toBeGreaterThan(3))
    screen.getByRole('grid').focus()
    await user.keyboard('{ArrowDown}{Shift>}{ArrowDown}{ArrowDown}{ArrowRight}{/Shift}')
    expect(screen.getAllByRole('gridcell', { selected: true })).toHaveLength(6)
    await user.keyboard('{Control>}c{/Control}')
    await waitFor(async () => expect(await copied()).toBe('"Say ""hi"""\t1.5\r\n"tab\there"\t20\r\nplain\t300\r\n'))
    await user.keyboard('{Control>}a{/Control}{Control>}{Shift>}c{/Shift}{/Control}')
    await waitFor(async () => expect((await copied()).split('\r\n')[0]).toBe('title\tlikes\tday'))
  })
})
