import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { databaseForTests, openEngine, type Engine } from '../engine'
import { cellText } from './xlsx'
import { invoke } from '../invoke'

/**
 * A SYNTHETIC LinkedIn-style workbook, written with the same library that reads it: a "New followers" sheet with
 * M/D/YYYY text dates (and one real Excel date), a Sprout Social "TikTok Profiles" sheet that a recognizer maps to
 * account_daily, an empty sheet, and a sheet with a formula and a spreadsheet error.
 */
async function writeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook()
  const followers = wb.addWorksheet('New followers')
  followers.addRow(['Date', 'Sponsored followers', 'Organic followers', 'Auto-invited followers', 'Total followers'])
  followers.addRow(['1/15/2024', 0, 12, 1, 13])
  followers.addRow(['1/16/2024', 2, 7, 0, 9])
  followers.addRow([new Date(Date.UTC(2024, 0, 17)), 0, 5, 0, 5])
  const tiktok = wb.addWorksheet('TikTok')
  tiktok.addRow([
    'Date',
    'TikTok Profiles',
    'Published Posts',
    'Net Follower Growth',
    'Followers',
    'Video Views',
    'Impressions',
    'Engagements',
    'Engagement Rate (per Impression)',
    'Likes',
    'Comments',
    'Shares',
    'Profile Views'
  ])
  tiktok.addRow(['02-01-2025', "'@brackenfordtest", '0', '', '', '', '', '', '', '', '', '', ''])
  tiktok.addRow([
    '02-02-2025',
    "'@brackenfordtest",
    '1',
    '3',
    '1,204',
    '5,310',
    '7,001',
    '40',
    '0.57%',
    '30',
    '6',
    '4',
    '12'
  ])
  tiktok.addRow(['02-03-2025', "'@brackenfordtest", 2, 5, 1209, 6000, 8000, 50, '0.62%', 40, 6, 4, 9])
  wb.addWorksheet('Notes')
  const totals = wb.addWorksheet('Totals')
  totals.addRow(['Metric', 'Value', 'Note'])
  totals.addRow(['Total followers', { formula: 'SUM(1,2)', result: 27 }, 'formula, "quoted", with comma'])
  totals.addRow(['Broken', { error: '#NAME?' }, 'line\nbreak'])
  await wb.xlsx.writeFile(path)
}

let files: string
beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'sb-xlsx-files-'))
  await writeWorkbook(join(files, 'brackenford_followers_1706000000000.xlsx'))
})
afterAll(() => rmSync(files, { recursive: true, force: true }))

let dir: string
let engine: Engine
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-xlsx-'))
  engine = await openEngine(dir)
})
afterEach(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

const importFile = (path: string, allowDuplicate = false) =>
  invoke(engine, 'importFile', { path, jobId: randomUUID(), options: {}, allowDuplicate })

describe('xlsx workbooks', () => {
  it('imports every non-empty sheet as its own dataset and reports each', async () => {
    const path = join(files, 'brackenford_followers_1706000000000.xlsx')
    const r = await importFile(path)
    expect(
      r.sheets!.map((s) => [s.sheet, s.result?.dataset.name ?? null, s.result?.dataset.rows ?? null, s.error])
    ).toEqual([
      ['New followers', 'brackenford_followers_1706000000000 — New followers', 3, null],
      ['TikTok', 'brackenford_followers_1706000000000 — TikTok', 3, null],
      ['Notes', null, null, null],
      ['Totals', 'brackenford_followers_1706000000000 — Totals', 2, null]
    ])
    expect(r.dataset.name).toBe('brackenford_followers_1706000000000 — New followers')
    expect(r.warnings).toContain('Empty sheets not imported: "Notes".')
    // The source path is the workbook the user chose, not the converted sheet.
    expect(await databaseForTests(engine).all(`SELECT DISTINCT source_path FROM datasets`)).toEqual([
      { source_path: path }
    ])
    // The temporary CSVs are gone.
    expect(readdirSync(engine.paths.tmpDir).filter((f) => f.startsWith('xlsx-'))).toEqual([])

    // M/D/YYYY text stays as written; a real Excel date becomes ISO.
    const followers = r.sheets![0].result!.dataset
    const dates = await databaseForTests(engine).all(
      `SELECT "Date"::VARCHAR AS d FROM "${followers.tableName}" ORDER BY 1`
    )
    expect(dates.map((x) => x.d)).toEqual(['1/15/2024', '1/16/2024', '2024-01-17'])

    // The Sprout sheet goes through recognition into account_daily, exactly as its CSV would.
    const tiktok = r.sheets![1].result!
    expect(tiktok.recognition?.format).toBe('sprout-tiktok-profiles')
    expect(
      await databaseForTests(engine)
        .all(`SELECT account_id, day::VARCHAR AS day, followers::BIGINT AS f, views::BIGINT AS v,
        impressions::BIGINT AS i, profile_visits::BIGINT AS p FROM account_daily WHERE platform = 'tiktok' ORDER BY day`)
    ).toEqual([
      { account_id: 'tiktok:brackenfordtest', day: '2025-02-02', f: '1204', v: '5310', i: '7001', p: '12' },
      { account_id: 'tiktok:brackenfordtest', day: '2025-02-03', f: '1209', v: '6000', i: '8000', p: '9' }
    ])

    // Formulas keep their cached result, errors their code, quotes and line breaks survive the CSV.
    expect(r.sheets![2]).toEqual({ sheet: 'Notes', result: null, error: null, skipped: 'the sheet is empty' })
    const totals = r.sheets![3].result!.dataset
    expect(
      await databaseForTests(engine).all(
        `SELECT "Value"::VARCHAR AS v, "Note" AS n FROM "${totals.tableName}" ORDER BY "Metric" DESC`
      )
    ).toEqual([
      { v: '27', n: 'formula, "quoted", with comma' },
      { v: '#NAME?', n: 'line\nbreak' }
    ])
  })

  it('re-importing the same workbook is refused sheet by sheet as a duplicate', async () => {
    const path = join(files, 'brackenford_followers_1706000000000.xlsx')
    await importFile(path)
    await expect(importFile(path)).rejects.toMatchObject({ code: 'DUPLICATE' })
    expect((await invoke(engine, 'listDatasets')).length).toBe(3)
  })

  it('previews the first sheet and names the others', async () => {
    const p = await invoke(engine, 'previewImport', { path: join(files, 'brackenford_followers_1706000000000.xlsx') })
    expect(p.columns.map((c) => c.name)).toEqual([
      'Date',
      'Sponsored followers',
      'Organic followers',
      'Auto-invited followers',
      'Total followers'
    ])
    expect(p.rows.length).toBe(3)
    expect(p.warnings.at(-1)).toContain('"New followers", "TikTok", "Totals"')
  })

  it('refuses a damaged .xls with a specific message, and a ZIP that is not a workbook as before', async () => {
    const xls = join(files, 'old_insights.xls')
    writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    )
    await expect(importFile(xls)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringContaining('save it as .xlsx or CSV')
    })
    const zip = join(files, 'archive.zip')
    writeFileSync(zip, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]))
    await expect(importFile(zip)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringContaining('ZIP')
    })
    const broken = join(files, 'broken.xlsx')
    writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]))
    await expect(importFile(broken)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringContaining('save it as .xlsx or CSV')
    })
    expect((await invoke(engine, 'listDatasets')).length).toBe(0)
  })

  it('turns cells into the text a CSV export would hold', () => {
    expect(cellText(1938)).toBe('1938')
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004')
    expect(cellText(new Date(Date.UTC(2024, 1, 29, 13, 5, 0)))).toBe('2024-02-29 13:05:00')
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab')
    expect(cellText({ text: 'site', hyperlink: 'https://example.org' })).toBe('site')
    expect(cellText({ formula: 'A1', result: { error: '#REF!' } })).toBe('#REF!')
    expect(cellText(true)).toBe('TRUE')
    expect(cellText(null)).toBe('')
  })
})
