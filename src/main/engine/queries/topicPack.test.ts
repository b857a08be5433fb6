/**
 * Topic rules travel in query packs (.sbq.json version 2), through the front door on two real workspaces: exported
 * with the queries, read back in another workspace (preview first, nothing saved), imported there with their
 * keywords and language intact; a topic whose name is taken is kept as it is and said so; a pack without topics
 * stays version 1 so an older Socialbench still reads it; damaged topics are refused naming the field.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { invoke } from '../invoke'

let a: TestWorkspace
let b: TestWorkspace
const RULES = [
  {
    name: 'Vacunación',
    keywords: ['vaccin'],
    languages: [
      { language: 'es', keywords: ['vacuna', 'gripe'] },
      { language: 'pt', keywords: ['vacina'] }
    ]
  },
  { name: 'Cancer care', keywords: ['oncology', 'chemo', 'tumour'], languages: [] }
]

beforeAll(async () => {
  a = await openTestWorkspace('sb-topic-pack-a-')
  b = await openTestWorkspace('sb-topic-pack-b-')
  for (const r of RULES) await invoke(a.engine, 'saveTopic', r)
})
afterAll(() => {
  a.dispose()
  b.dispose()
})

type Rule = { name: string; keywords: string[]; languages?: { language: string; keywords: string[] }[] }
const strip = (ts: Rule[]) =>
  ts.map(({ name, keywords, languages }) => ({ name, keywords, languages: languages ?? [] }))

describe('topics in query packs', () => {
  let file = ''
  it('export: version 3 (keywords per language) with every saved topic, nothing else of them', async () => {
    const ids = (await invoke(a.engine, 'listQueries', {})).slice(0, 2).map((q) => q.id)
    const out = await invoke(a.engine, 'exportQueries', { ids, topics: true })
    const parsed = JSON.parse(out.text)
    expect(parsed).toMatchObject({ format: 'socialbench-queries', version: 3 })
    // A topic without per-language keywords writes none (what a version 2 reader knows).
    expect(parsed.topics.map((t: object) => Object.keys(t))).toEqual([
      ['name', 'keywords'],
      ['name', 'keywords', 'languages']
    ])
    expect(parsed.queries).toHaveLength(2)
    expect(strip(parsed.topics)).toEqual(strip([...RULES].sort((x, y) => x.name.localeCompare(y.name))))
    file = a.file('pack.sbq.json', out.text)
  })

  it('without topics the pack stays version 1 (an older Socialbench reads it)', async () => {
    const ids = (await invoke(a.engine, 'listQueries', {})).slice(0, 1).map((q) => q.id)
    const parsed = JSON.parse((await invoke(a.engine, 'exportQueries', { ids })).text)
    expect(parsed.version).toBe(1)
    expect('topics' in parsed).toBe(false)
  })

  it('round trip: read in another workspace (nothing saved yet), then imported with keywords per language', async () => {
    const pack = await invoke(b.engine, 'readQueryPack', { path: file })
    expect(strip(pack.topics ?? [])).toEqual(strip(await invoke(a.engine, 'listTopics')))
    expect(await invoke(b.engine, 'listTopics')).toEqual([])
    const r = await invoke(b.engine, 'importTopics', { topics: pack.topics! })
    expect([r.saved.length, r.kept]).toEqual([2, []])
    expect(strip(await invoke(b.engine, 'listTopics'))).toEqual(strip(await invoke(a.engine, 'listTopics')))
  })

  it('a topic whose name is taken (any case) is kept as it is, and named', async () => {
    const text = readFileSync(file, 'utf8')
      .replace('"oncology"', '"radiotherapy"')
      .replace('Cancer care', 'CANCER CARE')
    const pack = await invoke(b.engine, 'readQueryPack', { text })
    const r = await invoke(b.engine, 'importTopics', { topics: pack.topics! })
    expect([r.saved, r.kept]).toEqual([[], ['CANCER CARE', 'Vacunación']])
    const cancer = (await invoke(b.engine, 'listTopics')).find((t) => t.name === 'Cancer care')!
    expect(cancer.keywords).toEqual(['oncology', 'chemo', 'tumour'])
  })

  it('a pack of topics only is a pack; damaged topics and a version 1 pack with topics are refused', async () => {
    const only = await invoke(a.engine, 'exportQueries', { ids: [], topics: true })
    expect(JSON.parse(only.text).queries).toEqual([])
    expect((await invoke(b.engine, 'readQueryPack', { text: only.text })).topics).toHaveLength(2)
    const pack = JSON.parse(only.text)
    const noKeywords = { ...pack, topics: [{ name: 'Empty', keywords: [], language: null }] }
    await expect(invoke(b.engine, 'readQueryPack', { text: JSON.stringify(noKeywords) })).rejects.toThrow(
      /refused: topics\.0\.keywords: a topic needs at least one keyword/
    )
    await expect(invoke(b.engine, 'readQueryPack', { text: JSON.stringify({ ...pack, version: 1 }) })).rejects.toThrow(
      /topics: topics need format version 2/
    )
    const empty = { ...pack, topics: [] }
    await expect(invoke(b.engine, 'readQueryPack', { text: JSON.stringify(empty) })).rejects.toThrow(
      /holds no queries and no topics/
    )
  })
})

describe('topics in query packs written before keywords per language', () => {
  it('version 2: a language label makes its keywords that language’s; a label that is no code, every language’s', async () => {
    const v2 = {
      format: 'socialbench-queries',
      version: 2,
      queries: [],
      topics: [
        { name: 'Gripe', keywords: ['gripe'], language: 'es' },
        { name: 'Impfung', keywords: ['impfung'], language: 'German' },
        { name: 'Flu', keywords: ['flu'], language: null }
      ]
    }
    const pack = await invoke(b.engine, 'readQueryPack', { text: JSON.stringify(v2) })
    const r = await invoke(b.engine, 'importTopics', { topics: pack.topics! })
    expect(r.saved.map((t) => [t.name, t.keywords, t.languages])).toEqual([
      ['Gripe', [], [{ language: 'es', keywords: ['gripe'] }]],
      ['Impfung', ['impfung'], []],
      ['Flu', ['flu'], []]
    ])
  })

  it('keywords per language in a version 2 pack are refused, naming the field', async () => {
    const bad = {
      format: 'socialbench-queries',
      version: 2,
      queries: [],
      topics: [{ name: 'X', keywords: [], languages: [{ language: 'es', keywords: ['x'] }] }]
    }
    await expect(invoke(b.engine, 'readQueryPack', { text: JSON.stringify(bad) })).rejects.toThrow(
      /topics\.0\.languages: keywords per language need format version 3/
    )
  })
})
