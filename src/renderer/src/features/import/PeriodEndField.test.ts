// @vitest-environment happy-dom
/** "Period ends" appears only for a preview with days without a year, and sets ImportOptions.periodEnd. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportOptions, ImportPreview } from '../../../../shared/types'
import { PeriodEndField } from './PeriodEndField'

afterEach(cleanup)

const preview = (datesWithoutYear: boolean) =>
  ({
    recognized: { format: 'tiktok-overview', label: 'TikTok', platform: 'tiktok', needsAccount: true, datesWithoutYear }
  }) as ImportPreview

describe('PeriodEndField', () => {
  it('is offered for yearless dates and passes the chosen day on; cleared, it passes undefined', () => {
    const patches: ImportOptions[] = []
    render(
      createElement(PeriodEndField, {
        preview: preview(true),
        options: {},
        disabled: false,
        onChange: (p: ImportOptions) => patches.push(p)
      })
    )
    const input = screen.getByTestId('import-period-end') as HTMLInputElement
    fireEvent.change(input, { target: { value: '2025-03-14' } })
    expect(patches).toEqual([{ periodEnd: '2025-03-14' }])
  })

  it('is not shown when the dates have a year', () => {
    render(
      createElement(PeriodEndField, {
        preview: preview(false),
        options: {},
        disabled: false,
        onChange: () => undefined
      })
    )
    expect(screen.queryByTestId('import-period-end')).toBeNull()
  })
})
