/**
 * Every extension the open dialog, the file input and the drop overlay offer (shared/importFiles.ts) is one the
 * engine reads: a small real file of each kind goes through the front door's importFile and lands with its rows.
 * SAMPLES is keyed by the list's type, so an extension added to the list without a sample does not compile, and
 * one the importer cannot read fails here.
 */
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IMPORT_EXTENSIONS, type ImportExtension } from '../../../shared/importFiles'
import { invoke } from '../invoke'
import { jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'

// One workspace per file, so the importer's duplicate check (same bytes or same rows) never answers instead.
let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-filetypes-')
})
afterEach(() => t.dispose())

const ROWS = [
  ['name', 'likes'],
  ['Harrow', 3],
  ['Quillmere', 5]
] as const

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Sheet1').addRows(ROWS.map((r) => [...r]))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const spreadsheetMl = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Sheet1"><Table>
${ROWS.map((r) => `  <Row>${r.map((v) => `<Cell><Data ss:Type="${typeof v === 'number' ? 'Number' : 'String'}">${v}</Data></Cell>`).join('')}</Row>`).join('\n')}
 </Table></Worksheet>
</Workbook>
`

const delimited = (sep: string) => ROWS.map((r) => r.join(sep)).join('\n') + '\n'
const objects = ROWS.slice(1).map(([name, likes]) => ({ name, likes }))

const SAMPLES: Record<ImportExtension, () => string | Buffer | Promise<Buffer>> = {
  csv: () => delimited(','),
  tsv: () => delimited('\t'),
  txt: () => delimited(';'),
  json: () => JSON.stringify(objects),
  ndjson: () => objects.map((o) => JSON.stringify(o)).join('\n') + '\n',
  jsonl: () => objects.map((o) => JSON.stringify(o)).join('\n') + '\n',
  // An X archive file: a JavaScript assignment of a JSON array.
  js: () =>
    `window.YTD.like.part0 = ${JSON.stringify(
      objects.map((o) => ({ like: o })),
      null,
      2
    )}`,
  xlsx,
  xlsm: xlsx,
  xls: () =>
    XLSX.write(XLSX.utils.book_new(XLSX.utils.aoa_to_sheet(ROWS.map((r) => [...r])), 'Sheet1'), {
      type: 'buffer',
      bookType: 'biff8'
    }) as Buffer,
  xml: () => spreadsheetMl
}

describe('the importable file types', () => {
  it.each(IMPORT_EXTENSIONS.map((e) => [e]))('a .%s file imports through importFile with its two rows', async (ext) => {
    const path = t.file(`sample-${ext}.${ext}`, await SAMPLES[ext]())
    const r = await invoke(t.engine, 'importFile', { path, jobId: jobId() })
    expect(r.dataset.rows).toBe(2)
  })
})
