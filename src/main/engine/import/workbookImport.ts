/**
 * Import of a workbook: every non-empty sheet goes through the ordinary CSV import as its own dataset, each in its
 * own transaction (a sheet that fails leaves the others loaded), and the result lists every sheet's outcome.
 */
import { AppFailure, toFailure, type ErrorCode } from '../../../shared/result'
import type { ImportPreview, ImportResult, SheetImportOutcome } from '../../../shared/types'
import type { ImportJob } from './importer'
import { convertLegacyWorkbook } from './legacyWorkbook'
import { convertWorkbook, type ConvertedWorkbook, type WorkbookKind } from './xlsx'

/** Each sheet of the workbook as a CSV file; SheetJS reads the legacy formats, exceljs .xlsx. */
function convert(path: string, tmpDir: string, kind: Exclude<WorkbookKind, null>): Promise<ConvertedWorkbook> {
  return kind === 'xlsx' ? convertWorkbook(path, tmpDir) : convertLegacyWorkbook(path, tmpDir)
}

export async function importWorkbook(
  job: ImportJob,
  tmpDir: string,
  kind: Exclude<WorkbookKind, null>,
  importSheet: (sheetJob: ImportJob) => Promise<ImportResult>
): Promise<ImportResult> {
  job.onProgress('converting', 0)
  const book = await convert(job.path, tmpDir, kind)
  try {
    const n = book.sheets.length
    const sheets: SheetImportOutcome[] = []
    for (const [i, sheet] of book.sheets.entries()) {
      if (job.signal.aborted) throw new AppFailure('CANCELLED', `Import of ${book.fileName} was cancelled.`)
      try {
        const result = await importSheet({
          ...job,
          path: sheet.csvPath,
          sourcePath: job.path,
          name: job.name ? `${job.name} — ${sheet.name}` : undefined,
          onProgress: (phase, f) =>
            job.onProgress(phase === 'done' ? 'loading' : phase, f === null ? null : (i + f) / n)
        })
        sheets.push({ sheet: sheet.name, result, error: null })
      } catch (err) {
        if (job.signal.aborted) throw new AppFailure('CANCELLED', `Import of ${book.fileName} was cancelled.`)
        const f = toFailure(err)
        sheets.push({
          sheet: sheet.name,
          result: null,
          error: f.ok ? { code: 'INTERNAL', message: String(err) } : f.error
        })
      }
    }
    const first = sheets.find((s) => s.result)
    if (!first?.result) {
      const failed = sheets[0].error!
      const same = sheets.every((s) => s.error?.code === failed.code)
      const all = sheets.map((s) => `"${s.sheet}": ${s.error?.message}`).join('; ')
      throw new AppFailure(
        (same ? failed.code : 'IMPORT_FAILED') as ErrorCode,
        n === 1 ? failed.message : `${book.fileName}: no sheet was imported (${all}).`
      )
    }
    const skipped = book.emptySheets.length
      ? [`Empty sheets not imported: ${book.emptySheets.map((s) => `"${s}"`).join(', ')}.`]
      : []
    for (const s of book.emptySheets)
      sheets.push({ sheet: s, result: null, error: null, skipped: 'the sheet is empty' })
    sheets.sort((a, b) => book.order.indexOf(a.sheet) - book.order.indexOf(b.sheet))
    job.onProgress('done', 1)
    return { ...first.result, warnings: [...first.result.warnings, ...skipped], sheets }
  } finally {
    await book.cleanup()
  }
}

/** The preview of a workbook is its first non-empty sheet's, with a note that each sheet becomes a dataset. */
export async function previewWorkbook(
  path: string,
  tmpDir: string,
  kind: Exclude<WorkbookKind, null>,
  previewCsv: (csvPath: string) => Promise<ImportPreview>
): Promise<ImportPreview> {
  const book = await convert(path, tmpDir, kind)
  try {
    const p = await previewCsv(book.sheets[0].csvPath)
    const names = book.sheets.map((s) => `"${s.name}"`).join(', ')
    return {
      ...p,
      path,
      warnings: [
        ...p.warnings,
        `Workbook: this is sheet "${book.sheets[0].name}"; each non-empty sheet (${names}) is imported as its own dataset.`
      ]
    }
  } finally {
    await book.cleanup()
  }
}
