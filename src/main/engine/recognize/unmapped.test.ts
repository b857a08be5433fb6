/**
 * A recognizer that cannot map a file never takes the import down: the file lands as a plain dataset, the result
 * names the format and the missing field, and no DuckDB message reaches the user. Broken recognizers are injected
 * into the real registry; everything else (DuckDB file, import path, mapping) is the real engine.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../invoke'
import { failureOf, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { headerSignature } from '../../../shared/canonical'
import { RECOGNIZERS } from './registry'
import { hasColumns } from './headers'
import { col } from './parseSql'
import type { Recognizer } from './types'
import { databaseForTests } from '../engine'

const HEADER = 'Widget post,Widget day,Widget likes'
const ROWS = ['p1,2024-01-02,5', 'p2,2024-01-03,7']

let t: TestWorkspace
let injected: Recognizer[] = []
beforeEach(async () => {
  t = await openTestWorkspace('sb-unmapped-')
})
afterEach(() => {
  for (const r of injected) RECOGNIZERS.splice(RECOGNIZERS.indexOf(r), 1)
  injected = []
  t.dispose()
})

function inject(normalize: Recognizer['normalize']): void {
  const r: Recognizer = {
    id: 'widget-broken',
    label: 'Widget analytics',
    platform: 'other',
    detect: ({ columns }) => hasColumns(columns, ['Widget post', 'Widget day']),
    normalize
  }
  RECOGNIZERS.unshift(r)
  injected.push(r)
}

async function importWidget(name = 'widget.csv') {
  const path = t.file(name, [HEADER, ...ROWS].join('\n') + '\n')
  return invoke(t.engine, 'importFile', { path, jobId: name })
}

describe('a recognizer that cannot map the file', () => {
  it('referencing a column the file lacks: the file lands as a plain table naming that column', async () => {
    inject(({ raw }) => ({
      accounts: `SELECT 'other:w' AS account_id, 'other' AS platform, 'w' AS handle, NULL AS display_name`,
      posts: `SELECT _row, 'other:w' AS account_id, 'other' AS platform, ${col('Widget post')} AS post_id, ${col('Widget shares')} AS shares FROM ${raw}`
    }))
    const r = await importWidget()
    expect(r.recognition).toBeNull()
    expect(r.unmapped).toMatchObject({
      format: 'widget-broken',
      label: 'Widget analytics',
      missing: [{ field: 'Widget shares', names: ['Widget shares'] }]
    })
    expect(r.unmapped?.message).toBe(
      'widget.csv looks like Widget analytics, but it has no Widget shares (a column named "Widget shares"); it was imported as a plain table, ' +
        'with no posts or daily rows. Use "Map columns…" (or import the file again once it is mapped) to say which column holds what.'
    )
    expect(r.warnings).toContain(r.unmapped?.message)
    expect(r.warnings.join(' ')).not.toMatch(/Binder|Referenced column|FROM clause|DuckDB/i)
    // Every row is there, as a plain dataset, and nothing canonical was written.
    const rows = await databaseForTests(t.engine).all(
      `SELECT "Widget post" AS p, "Widget likes" AS l FROM ${r.dataset.tableName} ORDER BY rowid`
    )
    expect(rows).toEqual([
      { p: 'p1', l: '5' },
      { p: 'p2', l: '7' }
    ])
    const [ds] = await databaseForTests(t.engine).all(
      `SELECT recognized_format, rows_read, warnings FROM datasets WHERE id = ${r.dataset.id}`
    )
    expect(ds.recognized_format).toBeNull()
    expect(JSON.parse(String(ds.warnings))).toContain(r.unmapped?.message)
    expect(await databaseForTests(t.engine).all(`SELECT * FROM posts`)).toEqual([])
    expect(await databaseForTests(t.engine).all(`SELECT * FROM accounts WHERE account_id = 'other:w'`)).toEqual([])
    // The import is not left marked pending (which would remove it on the next open).
    expect(await databaseForTests(t.engine).all(`SELECT key FROM settings WHERE key LIKE 'import_pending%'`)).toEqual(
      []
    )
  })

  it('throwing: the file lands as a plain table with the format named, and "Map columns…" then maps it', async () => {
    inject(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')")
    })
    const r = await importWidget()
    expect(r.recognition).toBeNull()
    expect(r.unmapped?.missing).toEqual([])
    expect(r.unmapped?.message).toMatch(
      /^widget\.csv looks like Widget analytics, but its columns could not be mapped onto posts or daily rows/
    )
    expect(r.unmapped?.message).not.toMatch(/Cannot read properties/)
    expect(r.dataset.rows).toBe(2)

    // The offer is real: a mapping saved for this header maps the plain dataset.
    await invoke(t.engine, 'saveMapping', {
      headerSignature: headerSignature(HEADER.split(',')),
      mapping: {
        platform: 'other',
        kind: 'posts',
        postId: 'Widget post',
        publishedAt: 'Widget day',
        metrics: { likes: 'Widget likes' }
      }
    })
    const mapped = await invoke(t.engine, 'applyMapping', { datasetId: r.dataset.id })
    expect(mapped.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    const posts = await databaseForTests(t.engine).all(`SELECT post_id, likes FROM posts ORDER BY post_id`)
    expect(posts).toEqual([
      { post_id: 'p1', likes: '5' },
      { post_id: 'p2', likes: '7' }
    ])
  })

  it('a cancelled import is still a cancel, not a plain-table fallback', async () => {
    inject(() => {
      throw new Error('INTERRUPT Error: Interrupted!')
    })
    expect((await failureOf(importWidget())).code).toBe('CANCELLED')
    expect(await databaseForTests(t.engine).all(`SELECT * FROM datasets`)).toEqual([])
  })
})
