import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSampleFiles } from './generateSample'
import type { SampleManifest } from './manifest'
import { sampleDir, sampleDirCandidates } from './sampleDir'

const COLUMNS = {
  'x-tweet-activity': 40,
  'crowdtangle-search': 41,
  'youtube-studio-table': 9,
  'youtube-studio-totals': 2,
  'meta-business-suite-daily': 2
}

let tmp: string
let first: string[]
let second: string[]
let manifest: SampleManifest
let duck: DuckDBInstance
let conn: DuckDBConnection

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'sb-sample-'))
  first = await generateSampleFiles(join(tmp, 'a'))
  second = await generateSampleFiles(join(tmp, 'b'))
  manifest = JSON.parse(await readFile(join(tmp, 'a', 'manifest.json'), 'utf8'))
  duck = await DuckDBInstance.create(':memory:')
  conn = await duck.connect()
})

afterAll(async () => {
  conn?.closeSync()
  duck?.closeSync()
  await rm(tmp, { recursive: true, force: true })
})

async function count(path: string, skip: number): Promise<{ rows: number; columns: number }> {
  const from = `read_csv($1, header = true, all_varchar = true, skip = ${skip})`
  const rows = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM ${from}`, [path])
  const cols = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`, [path])
  return { rows: Number(rows.getRows()[0][0]), columns: cols.getRows().length }
}

describe('generateSampleFiles', () => {
  it('is deterministic and matches the committed resources/sample exactly', async () => {
    expect(first.map((p) => basename(p))).toEqual(second.map((p) => basename(p)))
    const committedDir = sampleDir()
    expect((await readdir(committedDir)).filter((n) => !n.startsWith('.')).sort()).toEqual(
      first.map((p) => basename(p)).sort()
    )
    for (let i = 0; i < first.length; i++) {
      const a = await readFile(first[i])
      expect(a.equals(await readFile(second[i])), basename(first[i])).toBe(true)
      // If this fails, run `npm run sample:generate` and commit resources/sample.
      expect(a.equals(await readFile(join(committedDir, basename(first[i])))), `${basename(first[i])} drifted`).toBe(
        true
      )
    }
  })

  it('labels everything SYNTHETIC and stays small', async () => {
    const data = first.filter((p) => !/manifest\.json|README\.md$/.test(p))
    expect(data.every((p) => basename(p).startsWith('SYNTHETIC_'))).toBe(true)
    expect(await readFile(join(tmp, 'a', 'README.md'), 'utf8')).toMatch(/SYNTHETIC/)
    const sizes = await Promise.all(first.map(async (p) => (await readFile(p)).length))
    expect(sizes.reduce((s, n) => s + n, 0)).toBeLessThan(3_000_000)
  })

  it('has a manifest listing every data file, in import order, and the eight institutions', () => {
    expect(manifest.synthetic).toBe(true)
    expect(manifest.files.map((f) => f.file)).toEqual(
      first.map((p) => basename(p)).filter((n) => n.startsWith('SYNTHETIC_'))
    )
    expect(manifest.files[0].format).toBe('meta-business-suite-daily')
    expect(manifest.institutions).toHaveLength(8)
    const kinds = new Set(manifest.institutions.map((i) => i.kind))
    expect(kinds).toEqual(new Set(['hospital', 'clinic network', 'medical-device maker', 'pharmacy chain']))
    for (const i of manifest.institutions) expect(i.colour).toMatch(/^#[0-9a-f]{6}$/)
    expect(manifest.files.filter((f) => f.format === 'x-tweet-activity').flatMap((f) => f.institutions)).toHaveLength(
      18
    )
  })

  it('writes Meta files as UTF-16LE with BOM and the sep=, preamble', async () => {
    const meta = manifest.files.filter((f) => f.format === 'meta-business-suite-daily')
    expect(meta.length).toBeGreaterThanOrEqual(9)
    for (const f of meta) {
      const bytes = await readFile(join(tmp, 'a', f.file))
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe])
      const text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
      // Two metrics exported together: Meta stacks them, each with its title and header, a blank line between.
      expect(text.startsWith('sep=,\n"Facebook follows"\n"Date","Primary"\n"')).toBe(true)
      expect(text).toContain('"\n\n"Facebook unfollows"\n"Date","Primary"\n"')
      expect(text.endsWith('"\n\n')).toBe(true)
      expect(text.split('\n').filter((l) => /^"\d{4}-/.test(l)).length).toBe(f.rows)
    }
  })

  it('parses every CSV with DuckDB to the expected rows and columns', async () => {
    for (const f of manifest.files) {
      const path = join(tmp, 'a', f.file)
      if (f.encoding === 'utf-16le-bom') {
        // DuckDB reads UTF-8 only: decode like the importer will; each stacked block is a CSV after its title line.
        const text = new TextDecoder('utf-16le').decode((await readFile(path)).subarray(2))
        const blocks = text
          .replace(/^sep=,\n/, '')
          .trim()
          .split('\n\n')
        let rows = 0
        for (const [k, block] of blocks.entries()) {
          const part = join(tmp, `${basename(f.file)}.${k}.utf8.csv`)
          await writeFile(part, block + '\n')
          const got = await count(part, f.preambleLines - 1)
          expect(got.columns, f.file).toBe(COLUMNS[f.format])
          rows += got.rows
        }
        expect(rows, f.file).toBe(f.rows)
      } else {
        const got = await count(path, f.preambleLines)
        expect(got, f.file).toEqual({ rows: f.rows, columns: COLUMNS[f.format] })
      }
      expect(f.rows, f.file).toBeGreaterThan(0)
    }
  })

  it('keeps the formats internally consistent (sums, ids, thousands separators)', async () => {
    const ct = join(tmp, 'a', manifest.files.find((f) => f.format === 'crowdtangle-search')!.file)
    const bad = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM read_csv($1, header = true, all_varchar = true)
       WHERE replace("Total Interactions", '.', '')::INTEGER <>
             Likes::INTEGER + Comments::INTEGER + Shares::INTEGER + Love::INTEGER + Wow::INTEGER + Haha::INTEGER
             + Sad::INTEGER + Angry::INTEGER + Care::INTEGER`,
      [ct]
    )
    expect(Number(bad.getRows()[0][0])).toBe(0)

    const yt = join(tmp, 'a', manifest.files.find((f) => f.format === 'youtube-studio-table')!.file)
    const totals = await conn.runAndReadAll(
      `SELECT max(Views::BIGINT) FILTER (WHERE Content = 'Total')::BIGINT, sum(Views::BIGINT) FILTER (WHERE Content <> 'Total')::BIGINT
       FROM read_csv($1, header = true, all_varchar = true)`,
      [yt]
    )
    const [total, sum] = totals.getRows()[0]
    expect(total).toBe(sum)

    // The channel's daily views: every day of the period once, and at least the views its videos got in it.
    const daily = join(tmp, 'a', manifest.files.find((f) => f.format === 'youtube-studio-totals')!.file)
    const [days, distinct, first, last, views] = (
      await conn.runAndReadAll(
        `SELECT count(*)::INTEGER, count(DISTINCT Date)::INTEGER, min(Date)::VARCHAR, max(Date)::VARCHAR,
                sum(Views::BIGINT)::BIGINT FROM read_csv($1, header = true, all_varchar = true)`,
        [daily]
      )
    ).getRows()[0]
    expect([days, distinct, first, last]).toEqual([1096, 1096, '2023-01-01', '2025-12-31'])
    const sameChannel = join(
      tmp,
      'a',
      manifest.files.find(
        (f) =>
          f.format === 'youtube-studio-table' &&
          f.institutions[0] === manifest.files.find((g) => g.format === 'youtube-studio-totals')!.institutions[0]
      )!.file
    )
    const videoViews = (
      await conn.runAndReadAll(
        `SELECT sum(Views::BIGINT)::BIGINT FROM read_csv($1, header = true, all_varchar = true) WHERE Content <> 'Total'`,
        [sameChannel]
      )
    ).getRows()[0][0]
    expect(Number(views)).toBeGreaterThan(Number(videoViews))
    expect(Number(views)).toBeLessThan(Number(videoViews) * 3)

    const x = join(tmp, 'a', manifest.files.find((f) => f.format === 'x-tweet-activity')!.file)
    const ids = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER FROM read_csv($1, header = true, all_varchar = true) WHERE NOT regexp_full_match("Tweet id", '[0-9]{18,19}')`,
      [x]
    )
    expect(Number(ids.getRows()[0][0])).toBe(0)
  })
})

describe('sampleDir', () => {
  it('prefers <process.resourcesPath>/sample in a packaged app, else finds the repo folder', async () => {
    expect(sampleDir()).toMatch(/resources[\\/]sample$/)
    const proc = process as unknown as { resourcesPath?: string }
    const fake = await mkdtemp(join(tmpdir(), 'sb-resources-'))
    try {
      await mkdir(join(fake, 'sample'))
      await writeFile(join(fake, 'sample', 'manifest.json'), '{}')
      proc.resourcesPath = fake
      expect(sampleDirCandidates()[0]).toBe(join(fake, 'sample'))
      expect(sampleDir()).toBe(join(fake, 'sample'))
    } finally {
      delete proc.resourcesPath
      await rm(fake, { recursive: true, force: true })
    }
  })

  it('exports Meta daily series that explain the follower totals CrowdTangle reports', async () => {
    // The app derives a daily follower count from a reported total plus follows less unfollows; the sample's totals
    // and daily series must agree exactly, or its derived lines step wherever a total comes in.
    const utf8 = async (file: string) =>
      new TextDecoder('utf-16le').decode((await readFile(join(tmp, 'a', file))).subarray(2))
    // Each stacked block's days with their signed value: follows count up, unfollows down.
    const daily = async (file: string) => {
      const out: [string, number][] = []
      let sign = 0
      for (const line of (await utf8(file)).split('\n')) {
        if (line === '"Facebook follows"') sign = 1
        else if (line === '"Facebook unfollows"') sign = -1
        else if (/^"\d{4}-/.test(line)) {
          const [d, v] = line.split(',').map((c) => c.replace(/"/g, ''))
          out.push([d.slice(0, 10), sign * Number(v)])
        }
      }
      return out
    }
    const ct = manifest.files.filter((f) => f.format === 'crowdtangle-search').map((f) => join(tmp, 'a', f.file))
    let checked = 0
    for (const inst of manifest.institutions) {
      const files = manifest.files.filter(
        (f) => f.format === 'meta-business-suite-daily' && f.institutions.includes(inst.id)
      )
      if (!files.length) continue
      const net = new Map<string, number>()
      for (const f of files) for (const [day, v] of await daily(f.file)) net.set(day, (net.get(day) ?? 0) + v)
      // CrowdTangle's "Followers at Posting": the audience when the day began (the end of the day before).
      const rows: (readonly [string, number])[] = []
      for (const file of ct) {
        const snaps = await conn.runAndReadAll(
          `SELECT DISTINCT "Post Created Date", "Followers at Posting"::BIGINT
           FROM read_csv($1, header = true, all_varchar = true) WHERE "Page Name" = $2 ORDER BY 1`,
          [file, inst.name]
        )
        rows.push(...snaps.getRows().map(([d, f]) => [String(d), Number(f)] as const))
      }
      expect(rows.length, inst.name).toBeGreaterThan(20)
      for (let k = 1; k < rows.length; k++) {
        const [from, before] = rows[k - 1]
        const [to, after] = rows[k]
        let sum = 0
        let complete = true
        for (let d = Date.parse(from); d < Date.parse(to); d += 86_400_000) {
          const v = net.get(new Date(d).toISOString().slice(0, 10))
          if (v === undefined) complete = false
          else sum += v
        }
        if (!complete) continue // a day Meta left out: nothing to check across it
        expect(after - before, `${inst.name} ${from} → ${to}`).toBe(sum)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(400)
  })
})
