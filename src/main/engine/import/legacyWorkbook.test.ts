/**
 * Legacy workbooks through the real import path: a BIFF8 .xls written by SheetJS itself (then read back by the
 * importer), and a hand-written Excel 2003 XML (SpreadsheetML) file saved as ".xls", as some analytics tools do.
 * Dates are stored as Excel serials with a date format, so the text they become does not depend on the zone the
 * test runs in.
 */
import * as XLSX from '@e965/xlsx'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../invoke'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { databaseForTests } from '../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-xls-')
})
afterEach(() => t.dispose())

/** Excel's serial for a UTC calendar time (1900 date system). */
const serial = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) / 86_400_000 + 25_569
const dateCell = (v: number, z = 'm/d/yyyy'): XLSX.CellObject => ({ t: 'n', v, z })

function biff8(): Buffer {
  const wb = XLSX.utils.book_new()
  const followers = XLSX.utils.aoa_to_sheet([
    ['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'],
    [dateCell(serial(2016, 1, 15)), 0, 12, 1, 13],
    [dateCell(serial(2016, 1, 16)), 2, 7, 0, 9],
    ['1/17/2016', 0, 5, 0, 5]
  ])
  XLSX.utils.book_append_sheet(wb, followers, 'New followers')
  const misc = XLSX.utils.aoa_to_sheet([
    ['When', 'Value', 'Flag', 'Note'],
    [dateCell(serial(2016, 3, 1, 14, 30), 'yyyy-mm-dd hh:mm'), 0.1 + 0.2, true, 'comma, and "quotes"'],
    [dateCell(serial(2016, 3, 2)), 1938, false, 'line\nbreak']
  ])
  XLSX.utils.book_append_sheet(wb, misc, 'Misc')
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), 'Empty')
  return XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer
}

describe('legacy .xls (BIFF8)', () => {
  it('imports each non-empty sheet: recognised ones into the canonical tables, cells as the text a CSV would hold', async () => {
    const bytes = biff8()
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0])
    const path = t.file('brackenford_followers_1453000000000.xls', bytes)
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'xls', options: { account: 'brackenford' } })
    expect(r.sheets?.map((s) => [s.sheet, s.result?.recognition?.format ?? null, s.skipped ?? null])).toEqual([
      ['New followers', 'linkedin-followers', null],
      ['Misc', null, null],
      ['Empty', null, 'the sheet is empty']
    ])
    const daily = await databaseForTests(t.engine).all(
      `SELECT day::VARCHAR AS day, followers_gained FROM account_daily ORDER BY day`
    )
    expect(daily).toEqual([
      { day: '2016-01-15', followers_gained: '13' },
      { day: '2016-01-16', followers_gained: '9' },
      { day: '2016-01-17', followers_gained: '5' }
    ])
    const misc = r.sheets?.find((s) => s.sheet === 'Misc')?.result
    // A plain table is typed from its values (the day-only cell is a midnight of the TIMESTAMP column).
    const rows = await databaseForTests(t.engine).all(`SELECT * FROM ${misc?.dataset.tableName} ORDER BY rowid`)
    expect(rows.map((x) => [String(x.When), String(x.Value), String(x.Flag), x.Note])).toEqual([
      ['2016-03-01 14:30:00', '0.30000000000000004', 'true', 'comma, and "quotes"'],
      ['2016-03-02 00:00:00', '1938', 'false', 'line\nbreak']
    ])
    const [ds] = await databaseForTests(t.engine).all(`SELECT source_path FROM datasets WHERE id = ${misc?.dataset.id}`)
    expect(ds.source_path).toBe(path)
  })

  it('previews the first sheet', async () => {
    const p = await invoke(t.engine, 'previewImport', { path: t.file('page.xls', biff8()) })
    expect(p.columns.map((c) => c.name)).toEqual([
      'Date',
      'Sponsored followers',
      'Organic followers',
      'Auto-invited followers',
      'Total followers'
    ])
    expect(p.recognized?.format).toBe('linkedin-followers')
    expect(p.rows[0][0]).toBe('2016-01-15')
  })
})

/** Excel 2003 XML as Excel writes it: styles give the date format, ss:Type the cell type. */
const SPREADSHEET_ML = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"/>
  <Style ss:ID="day"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="Views &amp; reach">
  <Table>
   <Row><Cell><Data ss:Type="String">Date</Data></Cell><Cell><Data ss:Type="String">Views</Data></Cell><Cell><Data ss:Type="String">Caption</Data></Cell></Row>
   <Row><Cell ss:StyleID="day"><Data ss:Type="DateTime">2017-05-01T00:00:00.000</Data></Cell><Cell><Data ss:Type="Number">1204</Data></Cell><Cell><Data ss:Type="String">Café &amp; "bar"</Data></Cell></Row>
   <Row><Cell ss:StyleID="day"><Data ss:Type="DateTime">2017-05-02T00:00:00.000</Data></Cell><Cell><Data ss:Type="Number">0</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">after a gap</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>
`

describe('Excel 2003 XML (SpreadsheetML) saved as .xls', () => {
  it('is read as a workbook, not as text, with its dates and numbers', async () => {
    const path = t.file('Insights export.xls', SPREADSHEET_ML)
    const r = await invoke(t.engine, 'importFile', { path, jobId: 'xml' })
    expect(r.dataset.name).toBe('Insights export — Views & reach')
    const rows = await databaseForTests(t.engine).all(`SELECT * FROM ${r.dataset.tableName} ORDER BY rowid`)
    expect(rows.map((x) => [String(x.Date), String(x.Views), x.Caption])).toEqual([
      ['2017-05-01', '1204', 'Café & "bar"'],
      ['2017-05-02', '0', 'after a gap']
    ])
  })

  it('a damaged SpreadsheetML file is refused with a specific message naming it', async () => {
    const path = t.file('broken.xls', SPREADSHEET_ML.slice(0, 400))
    await expect(invoke(t.engine, 'importFile', { path, jobId: 'bad' })).rejects.toMatchObject({
      code: expect.stringMatching(/UNSUPPORTED_FILE|EMPTY_FILE/),
      message: expect.stringContaining('broken.xls')
    })
    expect(await invoke(t.engine, 'listDatasets')).toEqual([])
  })
})
