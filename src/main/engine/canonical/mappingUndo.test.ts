/**
 * Undo of a column mapping on a real engine and DuckDB file: applying a mapping to a plain dataset updates posts
 * another import made, adds new ones and a new account, rejects a row; undo brings back every canonical table
 * (posts, account_daily, accounts, post_days), the dataset's report and rejects, and the saved mapping, exactly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import type { ColumnMapping } from '../../../shared/canonical'
import { databaseForTests } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-mapundo-')
})
afterEach(() => t.dispose())

const all = (sql: string) => databaseForTests(t.engine).all(sql)
const importPath = (path: string) => invoke(t.engine, 'importFile', { path, jobId: jobId() })

/** Every row of a table, in a stable order, as text. */
const snapshot = async (table: string) =>
  (await all(`SELECT * FROM ${table} ORDER BY ALL`)).map((r) => JSON.stringify(r))
const workspace = async () => ({
  posts: await snapshot('posts'),
  daily: await snapshot('account_daily'),
  accounts: await snapshot('accounts'),
  postDays: await snapshot('post_days'),
  rejects: await snapshot('import_rejects'),
  datasets: await snapshot('datasets'),
  mappings: await snapshot('column_mappings')
})

const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'
const xRow = (id: string, text: string, time: string, likes: number) =>
  `"${id}","https://twitter.com/QuillmereGH/status/${id}","${text}","${time}","100.0","5.0","1.0","0.0","${likes}.0","0.0"`

const HEADER = 'Handle,Id,Posted,Body,Hearts,Reposts'
const A: ColumnMapping = {
  platform: 'x',
  kind: 'posts',
  account: 'Handle',
  postId: 'Id',
  publishedAt: 'Posted',
  text: 'Body',
  people: [],
  metrics: { likes: 'Hearts' }
}
const B: ColumnMapping = { ...A, metrics: { likes: 'Hearts', shares: 'Reposts' } }

async function setup() {
  await importPath(
    t.file(
      'quill.csv',
      [
        X_HEADER,
        xRow('11', 'Hello', '2024-01-02 10:00 +0000', 3),
        xRow('12', 'World', '2024-01-03 10:00 +0000', 5)
      ].join('\n') + '\n'
    )
  )
  // Post 12 again with other figures, a new post 13, a new account's post, and a row without an id.
  const plain = await importPath(
    t.file(
      'mine.csv',
      `${HEADER}\nQuillmereGH,12,2024-01-03 10:00,World,50,9\nQuillmereGH,13,2024-01-05 12:00,New,4,1\n` +
        `HalvernUMC,h1,2024-01-06 08:00,Hi,2,0\nHalvernUMC,,2024-01-07 08:00,No id,1,0\n`
    )
  )
  expect(plain.recognition).toBeNull()
  return plain.dataset.id
}

describe('undo a column mapping', () => {
  it('restores posts, daily rows, accounts, post_days, the report, rejects and the saved mapping exactly', async () => {
    const id = await setup()
    const before = await workspace()
    const applied = await invoke(t.engine, 'applyMapping', { datasetId: id, mapping: A })
    expect(applied).toMatchObject({ posts: { new: 2, updated: 1 }, rowsRejected: 1 })
    expect(applied.undo).toMatchObject({ kind: 'applyMapping', label: 'Mapped the columns of “mine”' })
    const after = await workspace()
    for (const k of ['posts', 'accounts', 'postDays', 'rejects', 'datasets', 'mappings'] as const) {
      expect(after[k], k).not.toEqual(before[k])
    }

    expect(await invoke(t.engine, 'undo', { token: applied.undo.token })).toEqual(applied.undo)
    expect(await workspace()).toEqual(before)
    expect(await all(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'undo'`)).toEqual([])
    expect(await invoke(t.engine, 'listUndo')).toEqual([])
  })

  it('a re-map undoes to the previous mapping and its rows; the first mapping then undoes to none', async () => {
    const id = await setup()
    const before = await workspace()
    await invoke(t.engine, 'saveMapping', { headerSignature: 'handle|id|posted|body|hearts|reposts', mapping: A })
    const first = await invoke(t.engine, 'applyMapping', { datasetId: id })
    const mappedA = await workspace()
    const second = await invoke(t.engine, 'applyMapping', { datasetId: id, mapping: B })
    expect(second.posts).toMatchObject({ updated: 3 })
    expect(await invoke(t.engine, 'getMapping', { headerSignature: 'handle|id|posted|body|hearts|reposts' })).toEqual(B)

    // The first mapping waits for the second to be undone.
    const refused = await failureOf(invoke(t.engine, 'undo', { token: first.undo.token }))
    expect(refused.code).toBe('DUPLICATE')
    expect(refused.message).toContain('mapped again since')

    await invoke(t.engine, 'undo', {})
    expect(await workspace()).toEqual(mappedA)
    await invoke(t.engine, 'undo', {})
    // saveMapping is a channel of its own: the mapping it saved stays, everything the apply wrote goes.
    const now = await workspace()
    expect({ ...now, mappings: before.mappings }).toEqual(before)
    expect(now.mappings).toEqual(mappedA.mappings)
  })

  it('leaves a post an import rewrote since as the import left it', async () => {
    const id = await setup()
    const applied = await invoke(t.engine, 'applyMapping', { datasetId: id, mapping: A })
    await importPath(
      t.file('quill2.csv', [X_HEADER, xRow('13', 'New', '2024-01-05 12:00 +0000', 40)].join('\n') + '\n')
    )
    await invoke(t.engine, 'undo', { token: applied.undo.token })
    const posts = await all(`SELECT post_id, likes::INTEGER AS likes FROM posts ORDER BY post_id`)
    expect(posts).toEqual([
      { post_id: '11', likes: 3 },
      { post_id: '12', likes: 5 },
      { post_id: '13', likes: 40 }
    ])
    // post_days still agrees with posts for every account.
    const sums = await all(
      `SELECT (SELECT sum(posts)::INTEGER FROM post_days) AS days, (SELECT count(*)::INTEGER FROM posts) AS posts`
    )
    expect(sums).toEqual([{ days: 3, posts: 3 }])
  })
})
