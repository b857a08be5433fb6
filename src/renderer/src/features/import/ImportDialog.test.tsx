// @vitest-environment happy-dom
/**
 * The import dialog as App wires it (useImport + ImportDialog) against a fake of the renderer's bridge: what the
 * user sees of the detected settings and preview rows, and what each choice sends to the engine.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { AppFailure } from '../../../../shared/result'
import type {
  DatasetSummary,
  ImportOptions,
  ImportPreview,
  ImportResult,
  RecognizedFormat
} from '../../../../shared/types'
import { installFakeBridge, type FakeHandlers } from '../../test/fakeBridge'
import { ImportDialog } from './ImportDialog'
import { useImport } from './useImport'

afterEach(cleanup)

const PATH = '/exports/Overview.csv'
/** A semicolon file: read with the detected comma it is one column, with ';' it is two. */
const FILE = ['Date;Video views', 'April 12;1 204', 'April 13;987'].join('\n')

const TIKTOK: RecognizedFormat = {
  format: 'tiktok-overview',
  label: 'TikTok Studio Overview',
  platform: 'tiktok',
  needsAccount: true,
  datesWithoutYear: true
}

/** The preview the engine would give for FILE read with these options (split on the delimiter asked for). */
function previewOf(options: ImportOptions | undefined, recognized: RecognizedFormat | null): ImportPreview {
  const delimiter = options?.delimiter ?? ','
  const [header, ...rows] = FILE.split('\n').map((line) => line.split(delimiter))
  return {
    path: PATH,
    fileName: 'Overview.csv',
    sizeBytes: FILE.length,
    sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
    settings: {
      format: 'csv',
      encoding: 'utf-16le',
      hadBom: true,
      delimiter: ',',
      hasHeader: true,
      skipRows: 0,
      decimalSeparator: ',',
      thousandsSeparator: ' ',
      jsonPath: null
    },
    columns: header.map((name) => ({ name, type: 'VARCHAR' })),
    rows,
    alreadyImported: null,
    warnings: [],
    recognized: delimiter === ';' ? recognized : null,
    // Overview.csv names no account: the engine says the import needs one.
    identity:
      delimiter === ';' && recognized
        ? {
            account: null,
            accountRequired: true,
            platform: recognized.platform,
            platforms: [recognized.platform],
            platformRequired: false,
            platformReason: null
          }
        : null
  }
}

const dataset: DatasetSummary = {
  id: 7,
  name: 'Overview',
  tableName: 'ds_7',
  fileName: 'Overview.csv',
  format: 'csv',
  rows: 2,
  columns: [
    { name: 'Date', type: 'VARCHAR' },
    { name: 'Video views', type: 'BIGINT' }
  ],
  sizeBytes: FILE.length,
  importedAt: '2026-04-14T09:30:00.000Z',
  sha256: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
  recognizedFormat: 'tiktok-overview',
  platform: 'tiktok'
}

function Harness({ onImported }: { onImported: (result: ImportResult) => void }) {
  const imports = useImport({
    onImported: (_d, _w, result) => onImported(result),
    onShowDataset: () => undefined,
    onError: () => undefined
  })
  const { enqueue, job } = imports
  useEffect(() => enqueue([PATH]), [enqueue])
  if (!job) return <p>no dialog</p>
  return (
    <ImportDialog
      job={job}
      queued={imports.queued}
      onOptions={imports.setOptions}
      onCommit={(allowDuplicate) => void imports.commit(allowDuplicate)}
      onCancel={() => void imports.cancel()}
      onShowExisting={imports.showExisting}
      onRepreview={imports.repreview}
    />
  )
}

function setup(overrides: FakeHandlers = {}) {
  const imported: ImportResult[] = []
  const bridge = installFakeBridge({
    previewImport: ({ options }) => previewOf(options, TIKTOK),
    getPrivacyDefaults: () => ({ text: 'redact', people: 'hash' }),
    importFile: ({ options }) => ({
      dataset,
      settings: previewOf(options, TIKTOK).settings,
      warnings: [],
      recognition: null
    }),
    ...overrides
  })
  render(<Harness onImported={(r) => imported.push(r)} />)
  return { bridge, imported, user: userEvent.setup({ delay: null }) }
}

const previewCells = () =>
  within(screen.getByTestId('import-preview'))
    .getAllByRole('row')
    .map((tr) => [...tr.querySelectorAll('th .col-name, td:not(.rownum)')].map((c) => c.textContent))

describe('ImportDialog', () => {
  it('shows the detected settings and the preview rows the engine read', async () => {
    setup()
    expect(await screen.findByTestId('import-format')).toHaveProperty('textContent', 'CSV')
    expect(screen.getByTestId('import-encoding').textContent).toBe('UTF-16LE (BOM)')
    const facts = screen.getByRole('dialog').querySelector('.settings-facts')!.textContent
    expect(facts).toContain('Decimal separatorComma (,)')
    expect(facts).toContain('Thousands separatorSpace')
    expect((screen.getByTestId('import-delimiter') as HTMLSelectElement).value).toBe(',')
    expect(previewCells()).toEqual([['Date;Video views'], ['April 12;1 204'], ['April 13;987']])
  })

  it('re-requests the preview with an overridden delimiter and shows the new columns', async () => {
    const { bridge, user } = setup()
    await screen.findByTestId('import-preview')
    await user.selectOptions(screen.getByTestId('import-delimiter'), 'Semicolon (;)')
    await waitFor(() => expect(previewCells()[0]).toEqual(['Date', 'Video views']))
    expect(previewCells().slice(1)).toEqual([
      ['April 12', '1 204'],
      ['April 13', '987']
    ])
    expect(bridge.inputs('previewImport')).toEqual([{ path: PATH }, { path: PATH, options: { delimiter: ';' } }])
    expect(screen.getByTestId('import-recognized').textContent).toContain('TikTok Studio Overview')
  })

  it('Import sends the chosen delimiter, account, period end and privacy', async () => {
    const { bridge, imported, user } = setup()
    await screen.findByTestId('import-preview')
    await user.selectOptions(screen.getByTestId('import-delimiter'), ';')
    await user.click(await screen.findByTestId('import-account'))
    await user.paste('  QuillmereGeneral ')
    await user.tab()
    // A date input is picked, not typed: one change event, as Chromium's picker sends.
    fireEvent.change(screen.getByTestId('import-period-end'), { target: { value: '2025-04-30' } })
    await user.selectOptions(screen.getByTestId('import-privacy-text'), 'drop')
    await waitFor(() =>
      expect(bridge.inputs('previewImport').at(-1)?.options?.privacy).toEqual({ text: 'drop', people: 'hash' })
    )
    await user.click(screen.getByTestId('import-commit'))

    await waitFor(() => expect(imported).toHaveLength(1))
    const [sent] = bridge.inputs('importFile')
    expect(sent.path).toBe(PATH)
    expect(sent.jobId).toMatch(/\S{8,}/)
    expect(sent.allowDuplicate).toBeUndefined()
    expect(sent.options).toEqual({
      delimiter: ';',
      account: 'QuillmereGeneral',
      periodEnd: '2025-04-30',
      privacy: { text: 'drop', people: 'hash' }
    })
    expect(screen.getByText('no dialog')).toBeTruthy()
  })

  it('a file naming no account offers the workspace’s accounts of its platform, and Import waits for a choice', async () => {
    const summary = (accountId: string, platform: 'tiktok' | 'x', handle: string) => ({
      accountId,
      platform,
      handle,
      displayName: null,
      institutionId: null,
      posts: 0,
      days: 31,
      firstDate: null,
      lastDate: null
    })
    const { bridge, imported, user } = setup({
      listAccounts: () => [
        summary('x:quillmeregh', 'x', 'QuillmereGH'),
        summary('tiktok:northfield.gh', 'tiktok', 'northfield.gh')
      ]
    })
    await screen.findByTestId('import-preview')
    await user.selectOptions(screen.getByTestId('import-delimiter'), ';')
    const existing = (await screen.findByTestId('import-account-existing')) as HTMLSelectElement
    expect([...existing.options].map((o) => o.textContent)).toEqual([
      'Choose an account…',
      'northfield.gh · TikTok · 0 posts, 31 days',
      'A new account…'
    ])
    expect(screen.getByTestId('import-commit')).toHaveProperty('disabled', true)
    expect(screen.getByTestId('import-missing').textContent).toBe('Choose the account this file belongs to.')
    await user.selectOptions(existing, 'tiktok:northfield.gh')
    await waitFor(() => expect(screen.getByTestId('import-commit')).toHaveProperty('disabled', false))
    await user.click(screen.getByTestId('import-commit'))
    await waitFor(() => expect(imported).toHaveLength(1))
    expect(bridge.inputs('importFile')[0].options).toMatchObject({ delimiter: ';', account: 'tiktok:northfield.gh' })
  })

  it('accounts that arrive after the dialog opened are still offered, not replaced by “A new account…”', async () => {
    let arrive: (v: unknown[]) => void = () => undefined
    const late = new Promise<unknown[]>((r) => (arrive = r))
    const { user } = setup({ listAccounts: () => late as never })
    await screen.findByTestId('import-preview')
    await user.selectOptions(screen.getByTestId('import-delimiter'), ';')
    await screen.findByTestId('import-account')
    act(() =>
      arrive([
        {
          accountId: 'tiktok:northfield.gh',
          platform: 'tiktok',
          handle: 'northfield.gh',
          displayName: null,
          institutionId: null,
          posts: 0,
          days: 31,
          firstDate: null,
          lastDate: null
        }
      ])
    )
    const existing = (await screen.findByTestId('import-account-existing')) as HTMLSelectElement
    expect(existing.value).toBe('')
    expect(existing.selectedOptions[0].textContent).toBe('Choose an account…')
    expect(screen.queryByTestId('import-account')).toBeNull()
  })

  it('shows the progress of its own job and Cancel cancels that job', async () => {
    const { bridge, user } = setup({
      // Still running when the test pushes its progress and cancels it.
      importFile: () => new Promise<ImportResult>(() => undefined),
      cancelImport: () => ({ cancelled: true })
    })
    await screen.findByTestId('import-preview')
    await user.click(screen.getByTestId('import-commit'))
    await waitFor(() => expect(bridge.inputs('importFile')).toHaveLength(1))
    const { jobId } = bridge.inputs('importFile')[0]
    act(() => bridge.emit('importProgress', { jobId, phase: 'loading', fraction: 0.42, fileName: 'Overview.csv' }))
    // Another import's progress (a second window, a CLI run) must not move this bar.
    act(() =>
      bridge.emit('importProgress', {
        jobId: 'someone-else',
        phase: 'committing',
        fraction: 0.9,
        fileName: 'Other.csv'
      })
    )
    const progress = screen.getByTestId('import-progress')
    expect(progress.textContent).toBe('Loading into the workspace…42%')
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42')
    await user.click(screen.getByTestId('import-cancel'))
    await waitFor(() => expect(bridge.inputs('cancelImport')).toEqual([{ jobId }]))
  })

  it('shows the engine’s own message when the import fails, and keeps the dialog open', async () => {
    const message = 'Overview.csv, row 3: "1 2x4" in Video views is not a number.'
    const { user } = setup({
      importFile: () => {
        throw new AppFailure('IMPORT_FAILED', message)
      }
    })
    await screen.findByTestId('import-preview')
    await user.click(screen.getByTestId('import-commit'))
    const alert = await screen.findByTestId('import-error')
    expect(alert.textContent).toBe(message)
    expect(alert.dataset.code).toBe('IMPORT_FAILED')
    expect(screen.getByTestId('import-commit')).toHaveProperty('disabled', false)
  })

  it('shows why the preview failed instead of an empty table', async () => {
    setup({
      previewImport: () => {
        throw new AppFailure('ENCODING', 'Overview.csv is not valid UTF-8 at byte 4113; choose its encoding.')
      }
    })
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Overview.csv is not valid UTF-8 at byte 4113; choose its encoding.'
    )
    expect(screen.queryByTestId('import-preview')).toBeNull()
    expect(screen.getByTestId('import-commit')).toHaveProperty('disabled', true)
  })
})
