/**
 * Acceptance: every real export in ../shared/real-exports (kept out of this repo) goes through the engine into
 * one fresh workspace. Each file must load or be refused with a specific code and a message naming it; a
 * handful of row counts and sums are checked against an independent quote-aware count of the raw file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { jobId, openTestWorkspace, type TestWorkspace } from '../support/workspace'
import { AppFailure } from '../../src/shared/result'
import type { ImportOptions, ImportResult } from '../../src/shared/types'
import { invoke } from '../../src/main/engine/invoke'
import { databaseForTests } from '../../src/main/engine/engine'

const ROOT = resolve(process.cwd(), '../shared/real-exports')
const present = existsSync(ROOT)

interface Outcome {
  file: string
  rows?: number
  columns?: number
  tableName?: string
  code?: string
  message?: string
}

/** Files at depth 1 and 2; SOURCES.md documents the exports and is not one. */
function exportFiles(): string[] {
  const out: string[] = []
  for (const entry of readdirSync(ROOT).sort()) {
    const p = join(ROOT, entry)
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (statSync(join(p, f)).isFile()) out.push(join(p, f))
    } else if (!entry.endsWith('.md')) out.push(p)
  }
  return out
}

/** Decode by BOM (UTF-16LE/UTF-8), as the exports in the folder use. */
function decode(path: string): string {
  const b = readFileSync(path)
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2))
  return new TextDecoder('utf-8').decode(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b)
}

/** Records of a delimited text: RFC 4180 quoting, CR, LF or CRLF line ends, blank lines dropped. */
function parseRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = []
  let field = ''
  let fields: string[] = []
  let quoted = false
  const endRecord = () => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push(fields)
    fields = []
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === delimiter) {
      fields.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRecord()
    } else field += ch
  }
  if (field !== '' || fields.length > 0) endRecord()
  return records
}

/**
 * Files whose data-row count SOURCES.md states; `lead` is how many records precede the data (sep line,
 * title, header). The test recounts each from the raw bytes before comparing with the engine.
 */
const KNOWN: { file: string; delimiter: string; lead: number; rows: number; sumColumn?: string }[] = [
  {
    file: 'facebook-post-metrics-uci-derived__Flperez-semicolon/dataset_Facebook.csv',
    delimiter: ';',
    lead: 1,
    rows: 496,
    sumColumn: 'like'
  },
  {
    file: 'facebook-post-metrics-uci-derived__usfviz-CR-lineends/dataset_Facebook.csv',
    delimiter: ',',
    lead: 1,
    rows: 500,
    sumColumn: 'like'
  },
  {
    file: 'crowdtangle-csv__willdoliver-crowdTangleAnalisys/2021-07-05-22-49-20-BRT-search-csv-export.csv',
    delimiter: ',',
    lead: 1,
    rows: 10
  },
  {
    file: 'crowdtangle-csv__willdoliver-crowdTangleAnalisys/history_post_3758007754304128.csv',
    delimiter: ',',
    lead: 1,
    rows: 7
  },
  { file: 'meta-business-suite-csv__oigetit/Follows.csv', delimiter: ',', lead: 3, rows: 105, sumColumn: 'Primary' },
  {
    file: 'meta-business-suite-csv__restaurant-vintage/IG_FOLLOWS.csv',
    delimiter: ',',
    lead: 3,
    rows: 40,
    sumColumn: 'Primary'
  },
  {
    file: 'meta-business-suite-csv-spreadsheet-resaved__restaurant-vintage/Follows.csv',
    delimiter: ';',
    lead: 2,
    rows: 62,
    sumColumn: 'Primary'
  },
  {
    file: 'sprout-social-csv__jose-cuervo-tequila-competitors/Competitor Posts (Cuervo) February 1, 2025 - April 9, 2026.csv',
    delimiter: ',',
    lead: 1,
    rows: 300
  },
  {
    file: 'x-account-analytics-csv__kaiadevintern/kaiadevintern_account_analytics_content_2024-12-22_2025-03-22.csv',
    delimiter: ',',
    lead: 1,
    rows: 173
  },
  { file: 'tiktok-analytics-csv__restaurant-vintage/TIKTOK_VIDEO_RAW.csv', delimiter: ',', lead: 1, rows: 51 },
  { file: 'youtube-studio-csv__fresh-vibes-music/Table data.csv', delimiter: ',', lead: 1, rows: 502 }
]

describe('real exports (../shared/real-exports)', () => {
  if (!present) {
    it.skip('imports every real export', () => {})
    console.log(`realExports: skipped, because ${ROOT} does not exist (the real exports are kept outside the repo).`)
    return
  }

  let t: TestWorkspace
  const outcomes = new Map<string, Outcome>()

  beforeAll(async () => {
    t = await openTestWorkspace('sb-real-')
    for (const path of exportFiles()) {
      const file = relative(ROOT, path)
      try {
        // allowDuplicate: byte-identical exports ("Visits (1).csv") must still be parsed, not skipped.
        const r = await importAsTheUserWould(t, file)
        outcomes.set(file, {
          file,
          rows: r.dataset.rows,
          columns: r.dataset.columns.length,
          tableName: r.dataset.tableName
        })
      } catch (err) {
        if (!(err instanceof AppFailure)) throw err
        outcomes.set(file, { file, code: err.code, message: err.message })
      }
    }
    const width = Math.max(...[...outcomes.keys()].map((k) => k.length))
    console.log(
      [
        `${'file'.padEnd(width)}  outcome`,
        ...[...outcomes.values()].map(
          (o) =>
            `${o.file.padEnd(width)}  ${o.code ? `${o.code}: ${o.message?.slice(0, 90)}` : `${o.rows} rows × ${o.columns} cols`}`
        )
      ].join('\n')
    )
  }, 300_000)
  afterAll(() => t?.dispose())

  it('imports every file, or refuses it with a specific code naming the file', () => {
    expect(outcomes.size).toBe(exportFiles().length)
    expect(outcomes.size).toBeGreaterThan(0)
    for (const o of outcomes.values()) {
      if (o.code) {
        expect(o.code, o.file).not.toBe('INTERNAL')
        expect(o.message, o.file).toContain(basename(o.file))
      } else {
        expect(o.rows, o.file).toBeGreaterThan(0)
      }
    }
  })

  it.each(KNOWN)('$file has exactly $rows rows', async ({ file, delimiter, lead, rows, sumColumn }) => {
    const records = parseRecords(decode(join(ROOT, file)), delimiter)
    expect(records.length - lead, 'independent count').toBe(rows)
    const o = outcomes.get(file)
    expect(o?.code, o?.message).toBeUndefined()
    expect(o?.rows).toBe(rows)
    if (sumColumn) {
      const header = records[lead - 1].map((h) => h.trim())
      const col = header.indexOf(sumColumn)
      expect(col, `${sumColumn} in ${header.join('|')}`).toBeGreaterThanOrEqual(0)
      const expected = records.slice(lead).reduce((s, r) => s + (r[col] ? Number(r[col]) : 0), 0)
      // Recognised exports keep their raw table as exact text, so the sum parses it back.
      const [{ s }] = await databaseForTests(t.engine).all(
        `SELECT sum(TRY_CAST("${sumColumn}" AS DOUBLE))::DOUBLE AS s FROM ${o!.tableName}`
      )
      expect(s).toBe(expected)
    }
  })
})

/**
 * Per-file expectations of the canonical model (recognised format, posts and daily rows, one or more exact totals),
 * computed independently of the importer by the engineers who wrote each recognizer (see realExportsExpected.json).
 * Each file goes into its own fresh workspace so a total counts that file alone.
 */
interface Expectation {
  format: string
  posts?: number
  daily?: number
  /** "posts.likes" / "daily.followers_gained" → exact sum over the canonical table. */
  totals?: Record<string, number>
  note?: string
}

const EXPECTED_PATH = resolve(__dirname, 'realExportsExpected.json')
const expected: Record<string, Expectation> = existsSync(EXPECTED_PATH)
  ? (JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as Record<string, Expectation>)
  : {}

/**
 * Import a real export as a user would: a file that names no account ("Table data.csv", "Reach.csv") is refused
 * with ACCOUNT_REQUIRED, and the user then names it (here the source folder's tag, one account per source); a
 * Meta series whose title names no platform ("Views") is refused with PLATFORM_REQUIRED, and the user picks one
 * (Facebook here: the expected totals do not depend on it).
 */
async function importAsTheUserWould(t: TestWorkspace, file: string): Promise<ImportResult> {
  const options: ImportOptions = {}
  for (;;) {
    try {
      return await invoke(t.engine, 'importFile', {
        path: join(ROOT, file),
        jobId: jobId(),
        allowDuplicate: true,
        options
      })
    } catch (err) {
      const code = err instanceof AppFailure ? err.code : null
      if (code === 'ACCOUNT_REQUIRED' && !options.account) options.account = file.split('/')[0].split('__')[1]
      else if (code === 'PLATFORM_REQUIRED' && !options.platform) options.platform = 'facebook'
      else throw err
    }
  }
}

describe('real exports in the canonical model', () => {
  const entries = Object.entries(expected)
  if (!present || entries.length === 0) {
    it.skip('maps each recognised real export exactly', () => {})
    if (!present) console.log(`realExports canonical: skipped, because ${ROOT} does not exist.`)
    return
  }
  let t: TestWorkspace
  beforeAll(async () => {
    t = await openTestWorkspace('sb-real1-')
  })
  afterAll(() => t?.dispose())

  it.each(entries)(
    '%s',
    async (file, want) => {
      // Each file alone in the canonical tables, so a total counts that file only.
      await databaseForTests(t.engine).write(async (c) => {
        for (const table of ['posts', 'account_daily', 'accounts', 'import_rejects'])
          await c.run(`DELETE FROM ${table}`)
      })
      const r = await importAsTheUserWould(t, file)
      expect(r.recognition?.format ?? r.settings.format, 'recognised format').toBe(want.format)
      const staged = (c: { new: number; updated: number; unchanged: number } | null | undefined) =>
        c ? c.new + c.updated + c.unchanged : 0
      if (want.posts !== undefined) expect(staged(r.recognition?.posts), 'posts').toBe(want.posts)
      if (want.daily !== undefined) expect(staged(r.recognition?.daily), 'daily rows').toBe(want.daily)
      for (const [key, total] of Object.entries(want.totals ?? {})) {
        const [table, column] = key.split('.')
        const source = table === 'posts' ? 'posts' : 'account_daily'
        const [{ s }] = await databaseForTests(t.engine).all(`SELECT sum("${column}")::DOUBLE AS s FROM ${source}`)
        expect(s, key).toBe(total)
      }
    },
    60_000
  )
})
