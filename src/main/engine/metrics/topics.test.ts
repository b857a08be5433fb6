import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TopicReport } from '../../../shared/topics'
import { Database } from '../db/duckdb'
import { MIGRATIONS, migrate } from '../db/migrations'
import { databaseForTests, openEngine, type Engine } from '../engine'
import { invoke } from '../invoke'
import { workspaceFromSql } from './statsFixture.testdata'

/*
 * Hand-computed, 2024-03-01 … 2024-03-31, rate = interactions ÷ followers at post.
 * Topics: vaccination = vaccine, vacunacion, flu shot; cancer = cancer.
 * A: a1 "Get your FLU SHOT today" 10/1000 = .01 (vaccination); a2 "¡Vacunación gratis!" 30/1000 = .03 (vaccination:
 *    the accent folds away); a3 "Cancer screening and vaccine news" 20/1000 = .02 (both); a4 "Hello world" 5 (none);
 *    a5 "flu shot" in April (outside). 4 posts: vaccination 3 (.75), median 20, rate .02; cancer 1 (.25), 20, .02.
 * B: b1 "VACCINES work" 8/200 = .04 (vaccination); b2 "Breast cáncer month" 12/200 = .06 (cancer). 2 posts, .5 each.
 * C: c1 "Nothing here". 1 post, no topic.
 * Peer medians: vaccination (.02, .04) → .03; cancer (.02, .06) → .04. A vs peer −.01 and −.02; B +.01 and +.02.
 * Share of voice: vaccination 4 posts, A .75, B .25, C 0; cancer 2 posts, A .5, B .5.
 * Hashtags (stored as given): A health 2, flu 1; B vaccineswork 1.
 */
const post = (acc: string, id: string, day: string, text: string, inter: number, fap: number, tags: string[]) =>
  `('x:${acc}', 'x', '${id}', TIMESTAMPTZ '${day} 12:00:00+00', '${text.replace(/'/g, "''")}', ${inter}, ${fap}, [${tags.map((t) => `'${t}'`).join(', ')}]::VARCHAR[], 0)`
const SQL = [
  `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'A', '#0072B2'), (2, 'B', '#E69F00'), (3, 'C', '#009E73')`,
  `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
    ('x:a', 1, 'x', 'a', 'UTC'), ('x:b', 2, 'x', 'b', 'UTC'), ('x:c', 3, 'x', 'c', 'UTC')`,
  `INSERT INTO posts (account_id, platform, post_id, published_at, text, interactions, followers_at_post, hashtags, import_id) VALUES
    ${[
      post('a', 'a1', '2024-03-02', 'Get your FLU SHOT today', 10, 1000, ['flu', 'health']),
      post('a', 'a2', '2024-03-03', '¡Vacunación gratis!', 30, 1000, ['health']),
      post('a', 'a3', '2024-03-04', 'Cancer screening and vaccine news', 20, 1000, []),
      post('a', 'a4', '2024-03-05', 'Hello world', 5, 1000, []),
      post('a', 'a5', '2024-04-02', 'flu shot', 99, 1000, ['flu']),
      post('b', 'b1', '2024-03-06', 'VACCINES work', 8, 200, ['vaccineswork']),
      post('b', 'b2', '2024-03-07', 'Breast cáncer month', 12, 200, []),
      post('c', 'c1', '2024-03-08', 'Nothing here', 3, 100, [])
    ].join(',\n    ')}`
]
const request = {
  institutionIds: [1, 2, 3],
  convention: 'followers_at_post' as const,
  preset: 'custom' as const,
  from: '2024-03-01',
  to: '2024-03-31'
}
const r12 = (v: number | null) => (v === null ? null : Number(v.toFixed(12)))

let engine: Engine
let dir: string
let out: TopicReport
beforeAll(async () => {
  ;({ engine, dir } = await workspaceFromSql(SQL))
  await invoke(engine, 'saveTopic', { name: 'vaccination', keywords: ['vaccine', 'vacunacion', 'flu shot'] })
  await invoke(engine, 'saveTopic', { name: 'cancer', keywords: ['cancer'], language: 'en' })
  out = await invoke(engine, 'topicReport', { request })
})
afterAll(() => {
  engine.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('topics through the front door', () => {
  it('saves, lists, renames and deletes keyword rules; names are unique', async () => {
    // "language" (the older form) says whose the keywords are.
    expect((await invoke(engine, 'listTopics', undefined)).map((t) => [t.name, t.keywords, t.languages])).toEqual([
      ['cancer', [], [{ language: 'en', keywords: ['cancer'] }]],
      ['vaccination', ['vaccine', 'vacunacion', 'flu shot'], []]
    ])
    await expect(invoke(engine, 'saveTopic', { name: 'Cancer', keywords: ['x'] })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'A topic named “Cancer” already exists.'
    })
    const t = await invoke(engine, 'saveTopic', { name: 'tmp', keywords: ['a', 'a', 'b'] })
    expect(t.keywords).toEqual(['a', 'b'])
    expect((await invoke(engine, 'saveTopic', { topicId: t.topicId, name: 'tmp2', keywords: ['c'] })).name).toBe('tmp2')
    expect(await invoke(engine, 'deleteTopic', { topicId: t.topicId })).toEqual({ deleted: true })
    expect(await invoke(engine, 'deleteTopic', { topicId: t.topicId })).toEqual({ deleted: false })
  })

  it('share of posts, engagement vs the peer median and share of voice per topic, accents and case folded', () => {
    const fig = (name: string) =>
      out.institutions
        .find((i) => i.name === name)!
        .topics.map((t) => [
          t.topic,
          t.posts,
          r12(t.share),
          t.medianInteractions,
          r12(t.rate),
          r12(t.vsPeer),
          r12(t.shareOfVoice)
        ])
    expect(out.topics.map((t) => t.name)).toEqual(['cancer', 'vaccination'])
    expect(fig('A')).toEqual([
      ['cancer', 1, 0.25, 20, 0.02, -0.02, 0.5],
      ['vaccination', 3, 0.75, 20, 0.02, -0.01, 0.75]
    ])
    expect(fig('B')).toEqual([
      ['cancer', 1, 0.5, 12, 0.06, 0.02, 0.5],
      ['vaccination', 1, 0.5, 8, 0.04, 0.01, 0.25]
    ])
    expect(fig('C')).toEqual([
      ['cancer', 0, 0, null, null, null, 0],
      ['vaccination', 0, 0, null, null, null, 0]
    ])
    expect(out.peer.map((p) => [p.topic, p.posts, r12(p.medianRate)])).toEqual([
      ['cancer', 2, 0.04],
      ['vaccination', 4, 0.03]
    ])
  })

  it('top hashtags per institution, most posts first', () => {
    expect(out.institutions.map((i) => [i.name, i.posts, i.topHashtags])).toEqual([
      [
        'A',
        4,
        [
          { tag: 'health', posts: 2 },
          { tag: 'flu', posts: 1 }
        ]
      ],
      ['B', 2, [{ tag: 'vaccineswork', posts: 1 }]],
      ['C', 1, []]
    ])
  })
})

describe('hashtags and mentions', () => {
  const TEXT = 'Hola #Vacunación y #flu_shot2 @Juan_P, mail a@b.com page#x #Vacunación @Ana'
  it('migration 9 fills them for the stored posts', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sb-tags-'))
    const db = await Database.open(join(d, 'workspace.duckdb'))
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 8)
      )
      await db.run(
        `INSERT INTO posts (account_id, platform, post_id, text, import_id) VALUES
        ('x:a', 'x', '1', $1, 1), ('x:a', 'x', '2', NULL, 1), ('x:a', 'x', '3', 'no tags', 1)`,
        [TEXT]
      )
      await migrate(db)
      expect(await db.all(`SELECT post_id, hashtags, mentions FROM posts ORDER BY post_id`)).toEqual([
        { post_id: '1', hashtags: ['flu_shot2', 'vacunación'], mentions: ['ana', 'juan_p'] },
        { post_id: '2', hashtags: null, mentions: null },
        { post_id: '3', hashtags: [], mentions: [] }
      ])
    } finally {
      db.close()
      rmSync(d, { recursive: true, force: true })
    }
  })

  it('an import extracts them from the text, and a re-import with new text replaces them', async () => {
    const d = mkdtempSync(join(tmpdir(), 'sb-tags-import-'))
    const e = await openEngine(join(d, 'ws'))
    try {
      const header =
        '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes"\n'
      const file = (name: string, text: string) => {
        const p = join(d, name)
        writeFileSync(
          p,
          `${header}"1","https://twitter.com/a/status/1","${text}","2024-03-02 10:00 +0000","100","5","1","1","3"\n`
        )
        return p
      }
      await invoke(e, 'importFile', { path: file('one.csv', TEXT), jobId: 'j1' })
      const tags = () => databaseForTests(e).all(`SELECT hashtags, mentions FROM posts`)
      expect(await tags()).toEqual([{ hashtags: ['flu_shot2', 'vacunación'], mentions: ['ana', 'juan_p'] }])
      await invoke(e, 'importFile', { path: file('two.csv', 'Now #Cancer only'), jobId: 'j2' })
      expect(await tags()).toEqual([{ hashtags: ['cancer'], mentions: [] }])
    } finally {
      e.close()
      rmSync(d, { recursive: true, force: true })
    }
  })
})

/*
 * Keywords per language, hand-computed, 2024-05-01 … 2024-05-31, rate = interactions ÷ followers at post.
 * Topics: flu = en: flu · es: gripe · fr: grippe (none for every language); vaccination = vaccin (every language) ·
 * es: vacunación.
 * D (1,000 followers): d1 en "Flu clinic opens" 10 (flu); d2 es "La GRIPE llega" 20 (flu); d3 es "Influencia de las
 *    redes" 5 (none: "flu" is English, the post Spanish); d4 no language "influenza season" 30 (flu: a post of unknown
 *    language meets every language's keywords); d5 fr "La grippe saisonnière" 40 (flu); d6 pt "Vacina contra a
 *    gripe" 50 (none: Portuguese has no keywords, Spanish's do not apply); d7 es "VACUNACION gratis" 60 (vaccination:
 *    case and accent folded); d8 en "Vaccination drive" 70 (vaccination, every language).
 *    8 posts: flu d1 d2 d4 d5: 4 (.5), median 25, rate (.01 + .02 + .03 + .04)/4 = .025; vaccination d7 d8: 2 (.25),
 *    median 65, rate .065.
 * E (200 followers): e1 es "Gripe: vacúnate" 8 (flu; "vacunate" is not "vacunacion"); e2 de "Impfung gegen Grippe" 6
 *    (none: German has no keywords). 2 posts: flu 1 (.5), median 8, rate .04; vaccination 0.
 * Peer medians: flu (.025, .04) → .0325; vaccination .065. vs peer: D flu −.0075, E flu +.0075, D vaccination 0.
 * Share of voice: flu 5 posts, D .8, E .2; vaccination 2 posts, D 1, E 0.
 */
describe('topics: keywords per language', () => {
  const lpost = (acc: string, id: string, lang: string | null, text: string, inter: number, fap: number) =>
    `('x:${acc}', 'x', '${id}', TIMESTAMPTZ '2024-05-0${id.slice(1)} 12:00:00+00', '${text}', ${inter}, ${fap}, ${lang ? `'${lang}'` : 'NULL'}, 0)`
  const LSQL = [
    `INSERT INTO institutions (institution_id, name, color) VALUES (1, 'D', '#0072B2'), (2, 'E', '#E69F00')`,
    `INSERT INTO accounts (account_id, institution_id, platform, handle, time_zone) VALUES
      ('x:d', 1, 'x', 'd', 'UTC'), ('x:e', 2, 'x', 'e', 'UTC')`,
    `INSERT INTO posts (account_id, platform, post_id, published_at, text, interactions, followers_at_post, language, import_id) VALUES
      ${[
        lpost('d', 'd1', 'en', 'Flu clinic opens', 10, 1000),
        lpost('d', 'd2', 'es', 'La GRIPE llega', 20, 1000),
        lpost('d', 'd3', 'es', 'Influencia de las redes', 5, 1000),
        lpost('d', 'd4', null, 'influenza season', 30, 1000),
        lpost('d', 'd5', 'fr', 'La grippe saisonnière', 40, 1000),
        lpost('d', 'd6', 'pt', 'Vacina contra a gripe', 50, 1000),
        lpost('d', 'd7', 'es', 'VACUNACION gratis', 60, 1000),
        lpost('d', 'd8', 'en', 'Vaccination drive', 70, 1000),
        lpost('e', 'e1', 'es', 'Gripe: vacúnate', 8, 200),
        lpost('e', 'e2', 'de', 'Impfung gegen Grippe', 6, 200)
      ].join(',\n      ')}`
  ]
  let e: Engine
  let d: string
  beforeAll(async () => {
    ;({ engine: e, dir: d } = await workspaceFromSql(LSQL))
  })
  afterAll(() => {
    e.close()
    rmSync(d, { recursive: true, force: true })
  })

  it('a post meets the keywords of its language and those for every language', async () => {
    // Codes are compared by their primary ISO 639 code, so "ES-mx" is "es" and "fr_FR" "fr".
    await invoke(e, 'saveTopic', {
      name: 'flu',
      keywords: [],
      languages: [
        { language: 'en', keywords: ['flu'] },
        { language: 'ES-mx', keywords: ['gripe'] },
        { language: 'fr_FR', keywords: ['grippe'] }
      ]
    })
    await invoke(e, 'saveTopic', {
      name: 'vaccination',
      keywords: ['vaccin'],
      languages: [{ language: 'es', keywords: ['vacunación'] }]
    })
    const r = await invoke(e, 'topicReport', {
      request: { ...request, institutionIds: [1, 2], from: '2024-05-01', to: '2024-05-31' }
    })
    expect(r.topics.map((t) => [t.name, t.keywords, t.languages.map((l) => l.language)])).toEqual([
      ['flu', [], ['en', 'es', 'fr']],
      ['vaccination', ['vaccin'], ['es']]
    ])
    const fig = (name: string) =>
      r.institutions
        .find((i) => i.name === name)!
        .topics.map((t) => [
          t.topic,
          t.posts,
          r12(t.share),
          t.medianInteractions,
          r12(t.rate),
          r12(t.vsPeer),
          r12(t.shareOfVoice)
        ])
    expect(fig('D')).toEqual([
      ['flu', 4, 0.5, 25, 0.025, -0.0075, 0.8],
      ['vaccination', 2, 0.25, 65, 0.065, 0, 1]
    ])
    expect(fig('E')).toEqual([
      ['flu', 1, 0.5, 8, 0.04, 0.0075, 0.2],
      ['vaccination', 0, 0, null, null, null, 0]
    ])
    expect(r.peer.map((p) => [p.topic, p.posts, r12(p.medianRate)])).toEqual([
      ['flu', 5, 0.0325],
      ['vaccination', 2, 0.065]
    ])
  })

  it('refuses a code that is no language, a language given twice and a rule without keywords, naming the field', async () => {
    const refused = (input: object) => invoke(e, 'saveTopic', { name: 'x', keywords: [], ...input })
    await expect(refused({ languages: [{ language: 'flu', keywords: ['a'] }] })).rejects.toThrow(
      /languages\.0\.language.*ISO 639 code/
    )
    await expect(
      refused({
        languages: [
          { language: 'es', keywords: ['a'] },
          { language: 'es-ES', keywords: ['b'] }
        ]
      })
    ).rejects.toThrow(/languages\.1\.language.*es is given twice/)
    await expect(refused({})).rejects.toThrow(/keywords.*a topic needs at least one keyword/)
  })

  it('migration 10: a labelled rule’s keywords become that language’s; a label that is no code stays for every language', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'sb-topic-lang-'))
    const db = await Database.open(join(dir2, 'workspace.duckdb'))
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 9)
      )
      await db.run(`INSERT INTO topics (name, keywords, language) VALUES
        ('a', ['vacuna'], 'ES'), ('b', ['vaccine'], NULL), ('c', ['impfung'], 'German'), ('d', ['vacina'], 'pt-BR')`)
      await migrate(db)
      expect(await db.all(`SELECT name, keywords, languages FROM topics ORDER BY name`)).toEqual([
        { name: 'a', keywords: [], languages: [{ language: 'es', keywords: ['vacuna'] }] },
        { name: 'b', keywords: ['vaccine'], languages: [] },
        { name: 'c', keywords: ['impfung'], languages: [] },
        { name: 'd', keywords: [], languages: [{ language: 'pt', keywords: ['vacina'] }] }
      ])
    } finally {
      db.close()
      rmSync(dir2, { recursive: true, force: true })
    }
  })
})
