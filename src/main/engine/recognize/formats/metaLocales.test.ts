/**
 * Meta Business Suite exports in other UI languages, as SYNTHETIC fixtures. The Portuguese Instagram header is the
 * one a public reader of real pt-BR exports checks for (docs/export-families.md, "Header variants by language");
 * the other languages are the class: each language's names from recognize/synonyms.ts, one test over all of them.
 */
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'
import { LANGUAGES, META_SYNONYMS, type Language } from '../synonyms'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-meta-locales-')
})
afterEach(() => t.dispose())

const BOM = '\uFEFF'
const importFile = (path: string, options = {}) =>
  invoke(t.engine, 'importFile', { path, jobId: randomUUID(), options, allowDuplicate: true })
const all = (sql: string) => databaseForTests(t.engine).all(sql)
const quote = (h: string) => (/[\s,"']/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)

/** A concept's first name in `lang`, or the English one when the table has none for that language. */
const name = (concept: keyof typeof META_SYNONYMS, lang: Language) =>
  (META_SYNONYMS[concept] as Partial<Record<Language, readonly string[]>>)[lang]?.[0] ?? META_SYNONYMS[concept].en[0]

const igHeader = (lang: Language) =>
  [
    name('post_id', lang),
    name('account_id', lang),
    name('account_username', lang),
    name('account_name', lang),
    name('description', lang),
    'Duration (sec)',
    name('publish_time', lang),
    name('permalink', lang),
    name('post_type', lang),
    name('date', lang),
    name('views', lang),
    name('reach', lang),
    name('likes', lang),
    name('shares', lang),
    'Follows',
    name('comments', lang),
    name('saves', lang)
  ]
    .map(quote)
    .join(',')

const IG_ROWS = [
  '18000000000000001,17800000000000009,quilltest.clinic,"Quill Test","Legenda, com vírgula",30,"12/31/2025 08:24",https://www.instagram.com/reel/TESTAAA/,"IG reel",Lifetime,1085,762,47,1,0,1,2',
  '18000000000000002,17800000000000009,quilltest.clinic,"Quill Test",Outra,0,"12/30/2025 10:00",https://www.instagram.com/p/TESTBBB/,"IG image",Lifetime,"1.200",150,10,0,1,,3'
]

/** As a pt-BR export names them (the reader's required columns), in the English file's order. */
const PT_BR_IG_HEADER =
  '"Identificação do post","Identificação da conta","Nome de usuário da conta","Nome da conta",Descrição,"Duração (s)","Horário de publicação","Link permanente","Tipo de post",Data,Visualizações,Alcance,Curtidas,Compartilhamentos,Seguimentos,Comentários,Salvamentos'

describe('Meta Business Suite content in other UI languages', () => {
  it('reads the pt-BR Instagram export: every column maps, "1.200" is 1200', async () => {
    const r = await importFile(t.file('Mar-18-2025_Apr-14-2025_1.csv', BOM + [PT_BR_IG_HEADER, ...IG_ROWS].join('\n')))
    expect(r.recognition!.format).toBe('meta-business-suite-instagram-posts')
    expect(r.recognition!.accounts.map((a) => a.accountId)).toEqual(['instagram:quilltest.clinic'])
    expect(
      await all(`SELECT post_id, published_at IS NOT NULL AS p, url, post_type, views::INT AS v, reach::INT AS r,
        likes::INT AS l, shares::INT AS s, comments::INT AS c, saves::INT AS sv, interactions::INT AS i FROM posts ORDER BY post_id`)
    ).toEqual([
      {
        post_id: '18000000000000001',
        p: true,
        url: 'https://www.instagram.com/reel/TESTAAA/',
        post_type: 'IG reel',
        v: 1085,
        r: 762,
        l: 47,
        s: 1,
        c: 1,
        sv: 2,
        i: 51
      },
      {
        post_id: '18000000000000002',
        p: true,
        url: 'https://www.instagram.com/p/TESTBBB/',
        post_type: 'IG image',
        v: 1200,
        r: 150,
        l: 10,
        s: 0,
        c: null,
        sv: 3,
        i: null
      }
    ])
  })

  it('reads the Swedish Facebook posts export as a Swedish dashboard names its columns', async () => {
    const header =
      'Publicerings-id,Sid-id,Sidnamn,Titel,Beskrivning,Publiceringstid,Inläggstyp,Permalänk,Datum,Visningar,Räckvidd,"Reaktioner, kommentarer och delningar",Reaktioner,Kommentarer,Delningar,"Totalt antal klick",Länkklick,"Övriga klick"'
    const row =
      '9100000000000001,100000000000042,"Test Klinik",,"Öppet idag","02/16/2025 05:14",Foton,https://www.facebook.com/x/posts/1,Lifetime,120,80,9,6,2,1,7,4,3'
    const r = await importFile(t.file('Jan-01-2025_Feb-28-2025_1.csv', BOM + [header, row].join('\n')))
    expect(r.recognition?.format).toBe('meta-business-suite-posts')
    expect(
      await all(
        `SELECT account_id, post_type, views::INT AS v, reach::INT AS r, clicks::INT AS c, interactions::INT AS i FROM posts`
      )
    ).toEqual([{ account_id: 'facebook:100000000000042', post_type: 'Foton', v: 120, r: 80, c: 4, i: 9 }])
  })

  it('a count written as a decimal ("1.234,5") is stored empty and reported, never read as another number', async () => {
    const rows = IG_ROWS.map((r) => r.replace(',762,', ',"1.234,5",'))
    const r = await importFile(t.file('ig_decimal.csv', BOM + [PT_BR_IG_HEADER, ...rows].join('\n')))
    expect(r.recognition?.format).toBe('meta-business-suite-instagram-posts')
    expect(r.warnings).toContain(
      'Column "Alcance": 1 cell(s) such as "1.234,5" are not counts and were stored as empty (NULL); the raw table keeps them as written.'
    )
    expect(await all(`SELECT post_id, reach::INT AS r FROM posts ORDER BY post_id`)).toEqual([
      { post_id: '18000000000000001', r: null },
      { post_id: '18000000000000002', r: 150 }
    ])
    expect(await all(`SELECT "Alcance" AS a FROM ${r.dataset.tableName} ORDER BY 1`)).toEqual([
      { a: '1.234,5' },
      { a: '150' }
    ])
  })

  it.each(LANGUAGES)('maps the Instagram posts export with %s headers', async (lang) => {
    const r = await importFile(t.file(`ig_${lang}.csv`, BOM + [igHeader(lang), ...IG_ROWS].join('\n')))
    expect(r.recognition?.format).toBe('meta-business-suite-instagram-posts')
    expect(r.recognition!.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(
      await all(`SELECT sum(views)::INT AS v, sum(reach)::INT AS r, sum(likes)::INT AS l, sum(saves)::INT AS sv,
        count(text)::INT AS t, count(published_at)::INT AS p FROM posts`)
    ).toEqual([{ v: 2285, r: 912, l: 57, sv: 5, t: 2, p: 2 }])
  })

  it.each(LANGUAGES)('maps the Facebook posts export with %s headers', async (lang) => {
    const header = [
      name('post_id', lang),
      name('page_id', lang),
      name('page_name', lang),
      name('title', lang),
      name('description', lang),
      name('publish_time', lang),
      name('permalink', lang),
      name('post_type', lang),
      name('date', lang),
      name('views', lang),
      name('reach', lang),
      name('reactions', lang),
      name('comments', lang),
      name('shares', lang),
      name('link_clicks', lang)
    ]
      .map(quote)
      .join(',')
    const rows = [
      '9100000000000001,100000000000042,"Test Clinic",,"Aberto hoje","02/16/2025 05:14",https://www.facebook.com/x/posts/1,Photos,Lifetime,120,80,6,2,1,4'
    ]
    const r = await importFile(t.file(`fb_${lang}.csv`, BOM + [header, ...rows].join('\n')))
    expect(r.recognition?.format).toBe('meta-business-suite-posts')
    expect(
      await all(`SELECT account_id, text, views::INT AS v, reach::INT AS r, reactions::INT AS re, clicks::INT AS c,
        interactions::INT AS i, strftime(published_at, '%m-%d') AS d FROM posts`)
    ).toEqual([
      { account_id: 'facebook:100000000000042', text: 'Aberto hoje', v: 120, r: 80, re: 6, c: 4, i: 9, d: '02-16' }
    ])
  })

  it('reads a publish-time column that is day first throughout (a day-first spreadsheet re-save), and says so', async () => {
    const rows = IG_ROWS.map((r) =>
      r.replace('"12/31/2025 08:24"', '"31/12/2025 08:24"').replace('"12/30/2025 10:00"', '"03/02/2025 10:00"')
    )
    const r = await importFile(t.file('ig_dayfirst.csv', BOM + [igHeader('es'), ...rows].join('\n')), {
      timeZone: 'UTC'
    })
    expect(r.warnings.some((w) => /"Hora de publicación".*day first/.test(w))).toBe(true)
    expect(await all(`SELECT strftime(published_at, '%Y-%m-%d') AS d FROM posts ORDER BY post_id`)).toEqual([
      { d: '2025-12-31' },
      // 3 February, not 2 March: the column, not the value, decides.
      { d: '2025-02-03' }
    ])
  })
})

describe('Meta Business Suite daily series in other UI languages', () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

  it.each([
    ['pt', 'Visualizações', 'Data', 'views'],
    ['es', 'Alcance de Facebook', 'Fecha', 'reach'],
    ['de', 'Facebook-Reichweite', 'Datum', 'reach'],
    ['it', 'Copertura di Facebook', 'Data', 'reach'],
    ['fr', 'Couverture Facebook', 'Date', 'reach']
  ])('reads a %s series: title "%s", date column "%s"', async (_lang, title, date, metric) => {
    const text = [
      'sep=,',
      `"${title}"`,
      `"${date}","Primary"`,
      '"2025-05-01T00:00:00","12"',
      '"2025-05-02T00:00:00","30"',
      ''
    ].join('\n')
    const r = await importFile(t.file('Series.csv', utf16(text)), { account: 'facebook:Quill', platform: 'facebook' })
    expect(r.recognition?.format).toBe('meta-business-suite-daily')
    expect(r.recognition!.daily).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(await all(`SELECT sum(${metric})::INT AS s FROM account_daily`)).toEqual([{ s: 42 }])
  })
})
