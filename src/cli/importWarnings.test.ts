/**
 * The `socialbench import` command on exports that land less than they hold: the JSON `warnings` carry the cause
 * and two rejected rows, and the exit code is non-zero when nothing canonical landed from a recognised file.
 * `--period-end` places days written without a year.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../test/support/cli'

const cli = (...args: string[]) => runCli(args)

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sb-cli-warn-'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

const overview = (name: string, days: string[]) => {
  const path = join(root, name)
  writeFileSync(
    path,
    [
      '"Date","Video Views","Profile Views","Likes","Comments","Shares"',
      ...days.map((d, i) => `"${d}","${i}","0","0","0","0"`)
    ].join('\n')
  )
  return path
}
const imported = (stdout: string) => (JSON.parse(stdout) as { imports: Record<string, unknown>[] }).imports

describe('socialbench import: warnings and exit code', () => {
  it('exits 1 when a recognised file lands nothing, and says why with two example rows', async () => {
    const file = overview('Overview.csv', ['Someday', 'Otherday', 'Lastday'])
    const r = await cli('import', '--workspace', join(root, 'ws1'), '--account', '@northfield.gh', '--json', file)
    expect(r.code).toBe(1)
    const [out] = imported(r.stdout)
    expect(out).toMatchObject({ format: 'tiktok-overview', rowsRejected: 3, rowsNew: 0 })
    expect(out.warnings).toEqual([
      {
        code: 'nothing-landed',
        cause: 'unreadable date',
        examples: [
          { row: 1, reason: 'unreadable date "Someday"' },
          { row: 2, reason: 'unreadable date "Otherday"' }
        ],
        message: expect.stringMatching(/^Nothing reached the benchmark tables: 3 rows read, 3 rows rejected/)
      }
    ])
  })

  it('exits 1 when a recognised file cannot be mapped; it is kept as a plain table and the JSON names the missing field', async () => {
    const file = join(root, 'tweets.csv')
    writeFileSync(
      file,
      [
        '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies"',
        '"1","https://twitter.com/a/status/1","x","2016-01-01 10:00 +0000","10","1","0","1"'
      ].join('\n')
    )
    const r = await cli('import', '--workspace', join(root, 'ws-unmapped'), '--json', file)
    expect(r.code).toBe(1)
    const [out] = imported(r.stdout)
    expect(out).toMatchObject({
      format: 'csv',
      rows: 1,
      unmapped: { format: 'x-tweet-activity', missing: [{ field: 'likes', names: ['likes', 'favorites', 'いいね'] }] }
    })
    expect(JSON.stringify(out)).not.toMatch(/Binder|DuckDB/)
  })

  it('--period-end places "April 12" in the year asked for; the import exits 0 and reports the assumption', async () => {
    const file = overview('Overview April.csv', ['April 12', 'April 13'])
    const r = await cli(
      'import',
      '--workspace',
      join(root, 'ws2'),
      '--account',
      '@northfield.gh',
      '--period-end',
      '2024-04-20',
      '--json',
      file
    )
    expect(r.code).toBe(0)
    const [out] = imported(r.stdout)
    expect(out).toMatchObject({
      rowsNew: 2,
      rowsRejected: 0,
      period: { from: '2024-04-12', to: '2024-04-13' },
      yearAssumed: { column: 'Date', periodEnd: '2024-04-20', source: 'option' },
      warnings: []
    })
  })

  it('refuses a --period-end that is not a day', async () => {
    const file = overview('Overview bad.csv', ['April 12'])
    const r = await cli(
      'import',
      '--workspace',
      join(root, 'ws3'),
      '--account',
      '@northfield.gh',
      '--period-end',
      '2025-02-30',
      '--json',
      file
    )
    expect(r.code).toBe(1)
    expect(imported(r.stdout)[0].error).toMatchObject({
      code: 'BAD_INPUT',
      message: '--period-end: is not a day of the calendar'
    })
  })
})

describe('socialbench import: a CSV the reader cannot take', () => {
  // Past the sniffer's sample, so only the full read meets the broken row.
  const rows = ['id,name,value', ...Array.from({ length: 3000 }, (_, i) => `${i + 1},n${i + 1},${i}`)]

  it.each([
    [
      'unterminated.csv',
      [...rows, '3001,"never closed,1', '3002,b,2'],
      /line 3,002: a quoted value .* is never closed/
    ],
    [
      'wide.csv',
      [...rows, '3001,a & b,1,extra', '3002,b,2'],
      /line 3,002: this row has 4 fields where the header has 3/
    ]
  ])('%s: names the file and the line in plain words, and stores nothing', async (name, lines, said) => {
    const file = join(root, name)
    writeFileSync(file, `${lines.join('\n')}\n`)
    const ws = join(root, `ws-${name}`)
    const r = await cli('import', '--workspace', ws, '--json', file)
    expect(r.code).not.toBe(0)
    const [out] = imported(r.stdout)
    const error = out.error as { code: string; message: string }
    expect(error.code).toBe('IMPORT_FAILED')
    expect(error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}, ${said.source}`))
    // None of DuckDB's own wording: its error types, "CSV Error on Line", option names.
    expect(error.message).not.toMatch(/Error:|CSV Error|strict_mode|null_padding|Possible/)
    const datasets = await cli('sql', '--workspace', ws, '--json', 'select count(*) as n from datasets')
    expect(JSON.parse(datasets.stdout)).toEqual([{ n: 0 }])
  })
})
