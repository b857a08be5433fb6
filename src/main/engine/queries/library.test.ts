/**
 * The query library on a real workspace: starters seeded once and runnable on empty tables, save / reopen /
 * rename / duplicate / delete / undo, search, and a .sbq.json export → import round trip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { paramNames, type QueryDraft } from '../../../shared/queries'
import { openEngine, type Engine } from '../engine'
import { invoke } from '../invoke'
import { STARTER_QUERIES } from './starters'

let dir: string
let engine: Engine

const draft: QueryDraft = {
  name: 'Posts since',
  description: 'Posts published since a day',
  tags: ['mine', 'posts'],
  sql: `SELECT count(*) AS n FROM posts WHERE published_at::DATE >= $since`,
  params: [{ name: 'since', type: 'date', label: 'Since', default: '2024-01-01' }],
  chart: { mark: 'bar', x: 'n', y: 'n', color: null, facet: null }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-library-'))
  engine = await openEngine(join(dir, 'ws'))
})

afterAll(() => {
  engine?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('starter queries', () => {
  it('are seeded once, and each runs with its defaults on empty canonical tables', async () => {
    const list = await invoke(engine, 'listQueries', {})
    expect(
      list
        .filter((q) => q.starter)
        .map((q) => q.name)
        .sort()
    ).toEqual(STARTER_QUERIES.map((q) => q.name).sort())
    for (const q of list.filter((s) => s.starter)) {
      // Every $name in the SQL has a definition, so the app shows an input for it.
      expect(paramNames(q.sql).sort(), q.name).toEqual(q.params.map((p) => p.name).sort())
      const info = await invoke(engine, 'runQuery', { runId: `s${q.id}`, sql: q.sql, params: q.params, values: {} })
      expect(info.rowCount, q.name).toBe(0)
    }
  })

  it('are not seeded again when the workspace reopens, even after being deleted', async () => {
    const first = (await invoke(engine, 'listQueries', {})).find((q) => q.starter)!
    await invoke(engine, 'deleteQuery', { id: first.id })
    const path = engine.paths.dir
    engine.close()
    engine = await openEngine(path)
    const names = (await invoke(engine, 'listQueries', {})).map((q) => q.name)
    expect(names).not.toContain(first.name)
    expect(names.length).toBe(STARTER_QUERIES.length - 1)
    // Closing the workspace made the delete final (undo/trash.ts): nothing to restore any more.
    await expect(invoke(engine, 'restoreQuery', { id: first.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const { name, description, tags, sql, params, chart } = first
    await invoke(engine, 'saveQuery', { query: { name, description, tags, sql, params, chart } })
  })
})

describe('the library', () => {
  it('saves, reopens, renames, duplicates, deletes and undoes', async () => {
    const saved = await invoke(engine, 'saveQuery', { query: draft })
    expect(saved).toMatchObject({ ...draft, starter: false })
    expect(saved.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    const path = engine.paths.dir
    engine.close()
    engine = await openEngine(path)
    const reopened = (await invoke(engine, 'listQueries', {})).find((q) => q.id === saved.id)
    expect(reopened).toMatchObject(draft)

    const edited = await invoke(engine, 'saveQuery', {
      id: saved.id,
      query: { ...draft, sql: `${draft.sql} -- edited` }
    })
    expect(edited.sql).toMatch(/edited$/)
    expect(edited.id).toBe(saved.id)

    const renamed = await invoke(engine, 'renameQuery', { id: saved.id, name: 'Posts after' })
    expect(renamed.name).toBe('Posts after')
    await expect(invoke(engine, 'renameQuery', { id: saved.id, name: STARTER_QUERIES[0].name })).rejects.toMatchObject({
      code: 'DUPLICATE'
    })

    const copy = await invoke(engine, 'duplicateQuery', { id: saved.id })
    expect(copy).toMatchObject({
      name: 'Posts after (copy)',
      sql: edited.sql,
      params: draft.params,
      chart: draft.chart
    })
    const copy2 = await invoke(engine, 'duplicateQuery', { id: saved.id })
    expect(copy2.name).toBe('Posts after (copy) (2)')

    expect(await invoke(engine, 'deleteQuery', { id: copy.id })).toMatchObject({ deleted: true })
    expect((await invoke(engine, 'listQueries', {})).map((q) => q.id)).not.toContain(copy.id)
    const back = await invoke(engine, 'restoreQuery', { id: copy.id })
    expect(back).toMatchObject({ id: copy.id, name: 'Posts after (copy)' })
    expect((await invoke(engine, 'listQueries', {})).map((q) => q.id)).toContain(copy.id)
  })

  it('searches names, descriptions, tags and SQL', async () => {
    expect((await invoke(engine, 'listQueries', { search: 'posts after' })).length).toBeGreaterThanOrEqual(1)
    expect((await invoke(engine, 'listQueries', { search: 'mine' })).every((q) => q.tags.includes('mine'))).toBe(true)
    expect((await invoke(engine, 'listQueries', { search: 'arg_max' })).map((q) => q.name)).toEqual([
      'Follower growth by institution'
    ])
    expect(await invoke(engine, 'listQueries', { search: '100%_' })).toEqual([])
  })
})

describe('.sbq.json packs', () => {
  it('exports queries without data and imports them back, validated, without running them', async () => {
    const all = await invoke(engine, 'listQueries', {})
    const picked = all.filter((q) => q.name.startsWith('Posts after'))
    const out = await invoke(engine, 'exportQueries', { ids: picked.map((q) => q.id) })
    expect(out.fileName).toMatch(/\.sbq\.json$/)
    const parsed = JSON.parse(out.text)
    expect(parsed).toMatchObject({ format: 'socialbench-queries', version: 1 })
    expect(parsed.queries).toHaveLength(picked.length)
    expect(Object.keys(parsed.queries[0]).sort()).toEqual(['chart', 'description', 'name', 'params', 'sql', 'tags'])

    const file = join(dir, 'pack.sbq.json')
    writeFileSync(file, out.text)
    const pack = await invoke(engine, 'readQueryPack', { path: file })
    expect(pack.queries.map((q) => q.name)).toEqual(picked.map((q) => q.name))
    const before = (await invoke(engine, 'listQueries', {})).length
    const imported = await invoke(engine, 'importQueries', { queries: pack.queries })
    // Same names are taken already, so each import gets a free variant instead of overwriting anything.
    expect(imported[0].name).toBe('Posts after (2)')
    expect(new Set([...imported, ...picked].map((q) => q.name)).size).toBe(picked.length * 2)
    expect(imported[0]).toMatchObject({ sql: picked[0].sql, params: picked[0].params, chart: picked[0].chart })
    expect((await invoke(engine, 'listQueries', {})).length).toBe(before + picked.length)
  })

  it('refuses files that are not packs, damaged, or from a newer version', async () => {
    await expect(invoke(engine, 'readQueryPack', { text: 'not json' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(invoke(engine, 'readQueryPack', { text: '{"format":"other"}' })).rejects.toThrow(
      /not a Socialbench query file/
    )
    await expect(
      invoke(engine, 'readQueryPack', { text: '{"format":"socialbench-queries","version":9,"queries":[]}' })
    ).rejects.toThrow(/newer/)
    const bad = {
      format: 'socialbench-queries',
      version: 1,
      queries: [{ name: 'x', sql: 'SELECT 1', params: [{ name: 'a b', type: 'text' }] }]
    }
    await expect(invoke(engine, 'readQueryPack', { text: JSON.stringify(bad) })).rejects.toThrow(
      /damaged: queries\.0\.params\.0\.name/
    )
    const extra = { format: 'socialbench-queries', version: 1, queries: [{ name: 'x', sql: 'SELECT 1', data: [[1]] }] }
    await expect(invoke(engine, 'readQueryPack', { text: JSON.stringify(extra) })).rejects.toMatchObject({
      code: 'BAD_INPUT'
    })
  })
})

describe('completion data', () => {
  it('says which queries of a pack can never run, before saving, and none of the starters', async () => {
    const pack = (queries: Partial<QueryDraft>[]) =>
      JSON.stringify({
        format: 'socialbench-queries',
        version: 1,
        queries: queries.map((q) => ({ ...draft, params: [], ...q }))
      })
    const preview = await invoke(engine, 'readQueryPack', {
      text: pack([
        { name: 'fine', sql: `SELECT count(*) AS n FROM posts p JOIN accounts a USING (account_id)` },
        // This workspace holds no such table; the canonical model never does (dataset tables are per workspace).
        { name: 'someone else’s dataset', sql: `SELECT * FROM ds_17` },
        { name: 'an old column', sql: `SELECT post_reach FROM posts` },
        { name: 'a file read', sql: `SELECT * FROM read_csv('/etc/passwd')` },
        { name: 'EXPLAIN ANALYZE', sql: `EXPLAIN ANALYZE CHECKPOINT` }
      ])
    })
    expect(preview.queries).toHaveLength(5)
    expect(preview.warnings).toEqual([
      {
        index: 1,
        name: 'someone else’s dataset',
        message: 'It reads a table, ds_17, that the Socialbench data model does not have.'
      },
      {
        index: 2,
        name: 'an old column',
        message: 'It reads a column, post_reach, that the Socialbench data model does not have.'
      },
      {
        index: 3,
        name: 'a file read',
        message: expect.stringMatching(/^It would be refused: The table function read_csv\(\)/)
      },
      {
        index: 4,
        name: 'EXPLAIN ANALYZE',
        message: expect.stringMatching(/^It would be refused: Only read-only statements/)
      }
    ])
    const starters = await invoke(engine, 'readQueryPack', { text: pack(STARTER_QUERIES) })
    expect(starters.warnings).toEqual([])
  })

  it('refuses query names with direction overrides or other invisible characters', async () => {
    for (const [name, at] of [
      ['invoice\u202Egpj.exe', 'U+202E at position 8'],
      ['a\u2066b', 'U+2066 at position 2'],
      ['x\u001b[31m', 'U+001B at position 2'],
      ['zero\u200Bwidth', 'U+200B at position 5']
    ]) {
      const text = JSON.stringify({ format: 'socialbench-queries', version: 1, queries: [{ ...draft, name }] })
      await expect(invoke(engine, 'readQueryPack', { text })).rejects.toMatchObject({
        code: 'BAD_INPUT',
        message: `The query file is refused: queries.0.name: A query name cannot hold invisible or direction-changing characters (${at}).`
      })
    }
    // Letters of right-to-left scripts are fine: only the invisible controls are refused.
    const text = JSON.stringify({
      format: 'socialbench-queries',
      version: 1,
      queries: [{ ...draft, name: 'مستشفى القلب' }]
    })
    expect((await invoke(engine, 'readQueryPack', { text })).queries[0].name).toBe('مستشفى القلب')
  })

  it('lists the workspace tables with columns and DuckDB functions, minus forbidden ones', async () => {
    const s = await invoke(engine, 'sqlSchema')
    const posts = s.tables.find((t) => t.name === 'posts')
    expect(posts?.columns.map((c) => c.name)).toContain('published_at')
    expect(s.tables.find((t) => t.name === 'imports')?.kind).toBe('view')
    // The dashboard's cache of posts is not offered: "FROM p" completes to posts first.
    expect(s.tables.map((t) => t.name)).not.toContain('post_days')
    expect(s.functions).toContain('date_trunc')
    expect(s.functions).not.toContain('enable_logging')
    expect(s.functions).not.toContain('query')
    // Completion offers what the query policy allows, nothing it refuses.
    expect(s.functions).toEqual(expect.arrayContaining(['range', 'unnest', 'json_extract', 'row_number']))
    for (const refused of [
      'read_csv',
      'glob',
      'json_execute_serialized_sql',
      'json_serialize_sql',
      'current_setting',
      'write_log'
    ]) {
      expect(s.functions).not.toContain(refused)
    }
  })
})
