/**
 * YouTube Studio downloads in each UI language whose headers are documented (docs/export-families.md, YouTube
 * Studio): the same synthetic channel written as each language writes it (headers, file names, the totals row's
 * label, publish dates, thousands separators) must give the same posts and days as English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../../test/support/workspace'
import { invoke } from '../../invoke'
import { databaseForTests } from '../../engine'

interface Language {
  lang: string
  table: string
  /** Content, title, publish time, views, watch time, subscribers, impressions. */
  headers: string[]
  total: string
  /** 27 May 2025 and 2 Sep 2025 as that UI writes them. */
  published: [string, string]
  /** 1,389 and 1,000 as that UI groups thousands. */
  views: [string, string]
  chart: string
  totals: string
  /** The Date and Views headers of Chart data / Totals. */
  daily: [string, string]
}

const LANGUAGES: Language[] = [
  {
    lang: 'en',
    table: 'Table data.csv',
    headers: [
      'Content',
      'Video title',
      'Video publish time',
      'Views',
      'Watch time (hours)',
      'Subscribers',
      'Impressions'
    ],
    total: 'Total',
    published: ['"May 27, 2025"', '"Sep 2, 2025"'],
    views: ['"1,389"', '"1,000"'],
    chart: 'Chart data.csv',
    totals: 'Totals.csv',
    daily: ['Date', 'Views']
  },
  {
    lang: 'pt-BR',
    table: 'Dados da tabela.csv',
    headers: [
      'Conteúdo',
      'Título do vídeo',
      'Horário de publicação do vídeo',
      'Visualizações',
      'Tempo de exibição (horas)',
      'Inscritos',
      'Impressões'
    ],
    total: 'Total',
    published: ['"May 27, 2025"', '"Sep 2, 2025"'],
    views: ['1389', '1000'],
    chart: 'Dados do gráfico.csv',
    totals: 'Totais.csv',
    daily: ['Data', 'Visualizações']
  },
  {
    lang: 'es',
    table: 'Datos de la tabla.csv',
    headers: [
      'Contenido',
      'Título del vídeo',
      'Hora de publicación del vídeo',
      'Visualizaciones',
      'Tiempo de visualización (horas)',
      'Suscriptores',
      'Impresiones'
    ],
    total: 'Total',
    published: ['"May 27, 2025"', '"Sep 2, 2025"'],
    views: ['1.389', '1.000'],
    chart: 'Datos del gráfico.csv',
    totals: 'Totales.csv',
    daily: ['Fecha', 'Visualizaciones']
  },
  {
    lang: 'fr',
    table: 'Données du tableau.csv',
    headers: [
      'Contenu',
      'Titre de la vidéo',
      'Heure de publication de la vidéo',
      'Vues',
      'Durée de visionnage (heures)',
      'Abonnés',
      'Impressions'
    ],
    total: 'Total',
    published: ['27 mai 2025', '2 sept. 2025'],
    views: ['"1\u202f389"', '"1\u202f000"'],
    chart: 'Données du graphique.csv',
    totals: 'Totaux.csv',
    daily: ['Date', 'Vues']
  },
  {
    lang: 'de',
    table: 'Tabellendaten.csv',
    // Soft hyphens inside long headers, as German downloads have them.
    headers: [
      'Videos',
      'Videotitel',
      'Veröffent\u00adlichungs\u00adzeitpunkt des Videos',
      'Aufrufe',
      'Wiedergabezeit (Stunden)',
      'Abonnenten',
      'Impressionen'
    ],
    total: 'Gesamt',
    published: ['27.05.2025', '02.09.2025'],
    views: ['1.389', '1.000'],
    chart: 'Diagrammdaten.csv',
    totals: 'Gesamtwerte.csv',
    daily: ['Datum', 'Aufrufe']
  },
  {
    lang: 'it',
    table: 'Dati della tabella.csv',
    headers: [
      'Contenuti',
      'Titolo del video',
      'Ora pubblicazione video',
      'Visualizzazioni',
      'Tempo di visualizzazione (ore)',
      'Iscritti',
      'Impressioni'
    ],
    total: 'Totale',
    published: ['"May 27, 2025"', '"Sep 2, 2025"'],
    views: ['1389', '1000'],
    chart: 'Dati del grafico.csv',
    totals: 'Totali.csv',
    daily: ['Data', 'Visualizzazioni']
  },
  {
    lang: 'ja',
    table: '表データ.csv',
    headers: [
      'コンテンツ',
      '動画のタイトル',
      '動画公開時刻',
      '視聴回数',
      '総再生時間（単位: 時間）',
      'チャンネル登録者',
      'インプレッション数'
    ],
    total: '合計',
    published: ['"May 27, 2025"', '2025年9月2日'],
    views: ['"1,389"', '"1,000"'],
    chart: 'グラフ データ.csv',
    totals: '合計.csv',
    daily: ['日付', '視聴回数']
  }
]

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-ytlang-')
})
afterEach(() => t.dispose())

const posts = () =>
  databaseForTests(t.engine).all(
    `SELECT post_id, strftime(published_at AT TIME ZONE 'UTC', '%Y-%m-%d') AS day, views, impressions FROM posts ORDER BY post_id`
  )

describe.each(LANGUAGES)('YouTube Studio in $lang', (l) => {
  it('Table data by content: the totals row is skipped, dates and grouped numbers read', async () => {
    const csv = [
      l.headers.join(','),
      `${l.total},,,"2389",7.5,3,250`,
      `abcDEF12345,SYNTHETIC one,${l.published[0]},${l.views[0]},2.5,1,50`,
      `xyzXYZ09876,SYNTHETIC two,${l.published[1]},${l.views[1]},5.0,2,200`
    ].join('\n')
    const r = await invoke(t.engine, 'importFile', {
      path: t.file(l.table, csv),
      jobId: `t-${l.lang}`,
      options: { account: 'northfieldgh' }
    })
    expect(r.recognition?.format).toBe('youtube-table-data')
    expect(r.recognition?.posts).toEqual({ new: 2, updated: 0, unchanged: 0 })
    expect(r.warnings).toContain(`The "${l.total}" row (row 1) was skipped: it is not a video.`)
    expect(await posts()).toEqual([
      { post_id: 'abcDEF12345', day: '2025-05-27', views: '1389', impressions: '50' },
      { post_id: 'xyzXYZ09876', day: '2025-09-02', views: '1000', impressions: '200' }
    ])
  })

  it('Chart data and Totals: the channel days, under the localised file names', async () => {
    for (const [name, format] of [
      [l.chart, 'youtube-chart-data'],
      [l.totals, 'youtube-totals']
    ] as const) {
      // Totals.csv may end with the range's total, in the UI's language: skipped.
      const total = format === 'youtube-totals' ? `${l.total},1397\n` : ''
      const csv = `${l.daily.join(',')}\n2025-09-01,${l.views[0]}\n2025-09-02,8\n${total}`
      const r = await invoke(t.engine, 'importFile', {
        path: t.file(name, csv),
        jobId: `${format}-${l.lang}`,
        options: { account: 'northfieldgh' }
      })
      expect(r.recognition?.format).toBe(format)
    }
    const [s] = await databaseForTests(t.engine).all(`SELECT count(*) AS n, sum(views) AS v FROM account_daily`)
    expect(s).toEqual({ n: '2', v: '1397' })
  })
})

describe('YouTube Studio dates a UI writes that cannot be read', () => {
  it('a publish time in no known shape rejects its row naming the value, never a guessed day', async () => {
    const csv = [
      'Contenu,Titre de la vidéo,Heure de publication de la vidéo,Vues,Durée de visionnage (heures)',
      'Total,,,20,1',
      'abcDEF12345,SYNTHETIC,01/09/2025,10,0.5',
      'xyzXYZ09876,SYNTHETIC,2 sept. 2025,10,0.5'
    ].join('\n')
    const r = await invoke(t.engine, 'importFile', {
      path: t.file('Données du tableau.csv', csv),
      jobId: 'bad',
      options: { account: 'northfieldgh' }
    })
    expect(r.recognition?.posts?.new).toBe(1)
    expect(r.recognition?.rejects).toEqual([{ row: 2, reason: 'unreadable publish time "01/09/2025"' }])
  })
})

describe('YouTube Studio generations', () => {
  it.each([
    [
      '2025-26: "Thumbnail impressions", no watch time or subscribers, publish day without a comma',
      'Content,Video title,Video publish time,Returning viewers,Views,Thumbnail impressions,Thumbnail click-through rate (%)',
      ['abcDEF12345,SYNTHETIC one,Sep 22 2026,32,1056,461,1.52', 'xyzXYZ09876,SYNTHETIC two,"Sep 2, 2026",3,100,50,2.0']
    ],
    [
      '2020-21: first column "Video", ISO publish times',
      'Video,Video title,Video publish time,Comments added,Shares,Dislikes,Likes,Subscribers lost,Subscribers gained,Average view duration,Views,Watch time (hours),Subscribers,Your estimated revenue (USD),Impressions,Impressions click-through rate (%)',
      [
        'abcDEF12345,SYNTHETIC one,2026-09-22 12:00:00,1,1,0,10,0,2,0:01:00,1056,3.5,2,0.5,461,1.52',
        'xyzXYZ09876,SYNTHETIC two,2026-09-02,0,0,0,1,0,0,0:01:00,100,0.5,0,0.1,50,2.0'
      ]
    ]
  ])('%s', async (_generation, header, rows) => {
    const total = [
      'Total',
      ...header
        .split(',')
        .slice(1)
        .map(() => '')
    ].join(',')
    const csv = [header, total, ...rows].join('\n')
    const r = await invoke(t.engine, 'importFile', {
      path: t.file('Table data.csv', csv),
      jobId: `g-${Math.random()}`,
      options: { account: 'northfieldgh' }
    })
    expect(r.recognition?.format).toBe('youtube-table-data')
    expect(await posts()).toEqual([
      { post_id: 'abcDEF12345', day: '2026-09-22', views: '1056', impressions: '461' },
      { post_id: 'xyzXYZ09876', day: '2026-09-02', views: '100', impressions: '50' }
    ])
  })
})
