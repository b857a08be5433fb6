// @vitest-environment happy-dom
/**
 * The import report's headline says when a recognised import landed nothing or rejected many rows (cause and two
 * example rows), and how dates without a year were placed. Rendered with React in happy-dom; the result is the
 * shape the engine returns (see tiktokStudio.test.ts for the engine side).
 */
import { cleanup, render, screen } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportResult, RecognitionReport } from '../../../../shared/types'
import { ImportReport } from './ImportReport'

afterEach(cleanup)

function result(recognition: Partial<RecognitionReport>): ImportResult {
  return {
    dataset: {
      id: 3,
      name: 'Overview',
      tableName: 'ds_3',
      fileName: 'Overview.csv',
      format: 'csv',
      rows: 3,
      columns: [],
      sizeBytes: 200,
      importedAt: '2026-04-15T10:00:00Z',
      sha256: 'ab',
      recognizedFormat: 'tiktok-overview',
      platform: 'tiktok'
    },
    settings: {
      format: 'csv',
      encoding: 'utf-8',
      hadBom: true,
      delimiter: ',',
      hasHeader: true,
      skipRows: 0,
      decimalSeparator: '.',
      thousandsSeparator: '',
      jsonPath: null
    },
    warnings: [],
    recognition: {
      format: 'tiktok-overview',
      label: 'TikTok analytics overview (daily)',
      platform: 'tiktok',
      needsAccount: true,
      accounts: [{ accountId: 'tiktok:northfield.gh', handle: 'northfield.gh', displayName: null }],
      period: { from: null, to: null },
      posts: null,
      daily: { new: 0, updated: 0, unchanged: 0 },
      rowsRead: 3,
      rowsRejected: 3,
      rejects: [],
      redactions: [],
      landingWarnings: [],
      yearAssumed: null,
      ...recognition
    }
  }
}

const show = (r: ImportResult) =>
  render(createElement(ImportReport, { result: r, onClose: () => undefined, onError: () => undefined }))

describe('ImportReport headline', () => {
  it('says nothing landed, with the cause and the example rows, in the title and an alert', () => {
    show(
      result({
        landingWarnings: [
          {
            code: 'nothing-landed',
            cause: 'unreadable date',
            examples: [
              { row: 1, reason: 'unreadable date "Someday"' },
              { row: 2, reason: 'unreadable date "Otherday"' }
            ],
            message:
              'Nothing reached the benchmark tables: 3 rows read, 3 rows rejected (unreadable date), e.g. row 1: unreadable date "Someday"; row 2: unreadable date "Otherday".'
          }
        ]
      })
    )
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Imported Overview.csv: nothing reached the benchmark'
    )
    const alert = screen.getByRole('alert')
    expect(alert.dataset.code).toBe('nothing-landed')
    expect(alert.textContent).toContain('row 1: unreadable date "Someday"; row 2: unreadable date "Otherday"')
  })

  it('shows no alert when everything landed, and says which year yearless dates were given', () => {
    show(
      result({
        rowsRejected: 0,
        daily: { new: 3, updated: 0, unchanged: 0 },
        period: { from: '2026-04-12', to: '2026-04-14' },
        yearAssumed: {
          column: 'Date',
          periodEnd: '2026-04-15',
          source: 'file-modified',
          from: '2026-04-12',
          to: '2026-04-14'
        }
      })
    )
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Imported Overview.csv')
    expect(screen.getByTestId('import-report-year').textContent).toContain(
      '“Date” has no year: read as 2026-04-12 to 2026-04-14, a period ending 2026-04-15 (the file’s date (the download day)).'
    )
  })
})

describe('ImportReport for a recognised file that could not be mapped', () => {
  it('names the format and the missing field, and offers Map columns', () => {
    const base = result({})
    show({
      ...base,
      recognition: null,
      warnings: ['tweets.csv looks like X (Twitter) tweet activity, but it has no likes …'],
      unmapped: {
        format: 'x-tweet-activity',
        label: 'X (Twitter) tweet activity',
        platform: 'x',
        missing: [{ field: 'likes', names: ['likes', 'favorites'] }],
        message: 'tweets.csv looks like X (Twitter) tweet activity, but it has no likes …'
      }
    })
    expect(screen.getByTestId('import-report-format').textContent).toBe(
      'X (Twitter) tweet activity, not mapped: imported as a plain table'
    )
    expect(screen.getByTestId('import-report-unmapped').textContent).toBe(
      'Missing for X (Twitter) tweet activity: likes ("likes" or "favorites"). Map its columns to add its rows to posts or daily metrics.'
    )
    expect(screen.getByTestId('import-report-map').textContent).toBe('Map columns…')
  })
})
