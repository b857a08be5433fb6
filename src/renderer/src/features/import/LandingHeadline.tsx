import type { LandingWarning, RecognitionReport, YearAssumption } from '../../../../shared/types'

/** The headline's verdict after the file name: empty when everything landed. */
export function landingVerdict(warnings: readonly LandingWarning[]): string {
  const w = warnings[0]
  if (!w) return ''
  switch (w.code) {
    case 'nothing-landed':
      return ': nothing reached the benchmark'
    case 'rows-rejected':
      return ': some rows were rejected'
    default: {
      const unhandled: never = w.code
      return unhandled
    }
  }
}

const SOURCE: Record<YearAssumption['source'], string> = {
  option: 'the “Period ends” you gave',
  'file-name': 'the range in the file name',
  'download-column': 'the download day written in the file',
  'file-modified': 'the file’s date (the download day)',
  today: 'today'
}

/**
 * What did not land, first thing under the title (cause and two example rows), and how dates written without a
 * year were placed, with how to change it.
 */
export function LandingHeadline({ report }: { report: RecognitionReport }) {
  const warnings = report.landingWarnings ?? []
  const assumed = report.yearAssumed ?? null
  return (
    <>
      {warnings.map((w) => (
        <div
          key={w.code}
          className="notice notice-error report-headline"
          role="alert"
          data-testid="import-report-headline"
          data-code={w.code}
        >
          <span>
            <strong>
              {w.code === 'nothing-landed' ? 'Nothing reached the benchmark tables.' : 'Some rows were not imported.'}
            </strong>{' '}
            {w.message}
          </span>
        </div>
      ))}
      {assumed && (
        <p className="notice notice-info report-year" data-testid="import-report-year">
          <span>
            “{assumed.column}” has no year: read as {assumed.from ?? '—'} to {assumed.to ?? '—'}, a period ending{' '}
            {assumed.periodEnd} ({SOURCE[assumed.source]}). Wrong year? Import the file again with another “Period
            ends”.
          </span>
        </p>
      )}
    </>
  )
}
