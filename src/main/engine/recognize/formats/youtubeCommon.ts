/** What the YouTube Studio recognizers share: the channel of a file that does not name it, and count columns. */
import type { FieldTable } from '../fields'
import { findColumn, normalizeHeader } from '../headers'
import { col, countSql } from '../parseSql'
import { youtubeChannelInFolder } from '../accountIdentity'
import type { AccountInName, NormalizeContext } from '../types'
import { captureIn, fileAccount, type FileAccount } from './fileAccount'

const inStem = captureIn(/(?:^|_)youtube_(.+?)_\d{4}-\d{2}-\d{2}/i, /(?:^|_)youtube_([A-Za-z0-9.-]+)(?:_|$)/i)

/**
 * Header names per field, one entry per UI language Studio was seen writing (en, pt-BR, es, fr, de, it, ja), in that
 * order. Studio translates its headers and file names ("Tabellendaten.csv", "Données du tableau.csv", "表データ.csv")
 * but writes ISO days in the Date column whatever the language. Sources of each name: docs/export-families.md
 * (YouTube Studio, "Columns by language").
 */
export const YOUTUBE_FIELDS = {
  content: { names: ['Content', 'Conteúdo', 'Contenido', 'Contenu', 'Videos', 'Contenuti', 'コンテンツ'] },
  date: { names: ['Date', 'Data', 'Fecha', 'Datum', '日付'] },
  title: {
    names: [
      'Video title',
      'Título do vídeo',
      'Título del vídeo',
      'Titre de la vidéo',
      'Videotitel',
      'Titolo del video',
      '動画のタイトル'
    ]
  },
  published: {
    names: [
      'Video publish time',
      'Horário de publicação do vídeo',
      'Hora de publicación del vídeo',
      'Heure de publication de la vidéo',
      'Veröffentlichungszeitpunkt des Videos',
      'Ora pubblicazione video',
      '動画公開時刻'
    ]
  },
  views: { names: ['Views', 'Visualizações', 'Visualizaciones', 'Vues', 'Aufrufe', 'Visualizzazioni', '視聴回数'] },
  watchTime: {
    names: [
      'Watch time (hours)',
      'Tempo de exibição (horas)',
      'Tiempo de visualización (horas)',
      'Durée de visionnage (heures)',
      'Wiedergabezeit (Stunden)',
      'Tempo di visualizzazione (ore)',
      '総再生時間（単位: 時間）'
    ]
  },
  subscribers: {
    names: ['Subscribers', 'Inscritos', 'Suscriptores', 'Abonnés', 'Abonnenten', 'Iscritti', 'チャンネル登録者']
  },
  impressions: {
    names: ['Impressions', 'Impressões', 'Impresiones', 'Impressionen', 'Impressioni', 'インプレッション数']
  },
  subscribersGained: {
    names: ['Subscribers gained', 'Inscrições obtidas', 'Suscriptores ganados', 'Nouveaux abonnés']
  },
  subscribersLost: { names: ['Subscribers lost', 'Suscriptores perdidos'] },
  likes: { names: ['Likes', 'Me gusta', "J'aime", 'Mag ich', 'Mi piace', '高評価数'] },
  comments: { names: ['Comments added', 'Comments', 'Comentarios', 'Commentaires'] },
  shares: {
    names: ['Shares', 'Compartilhamentos', 'Compartidos', 'Partages', 'Geteilte Inhalte', 'Condivisioni', '共有数']
  }
} as const satisfies FieldTable

/**
 * Metric columns Studio adds to Chart data and Totals besides those above, per language: a "Date" file whose other
 * columns are all metrics is the channel's days; one other column is a dimension (traffic source...).
 */
const OTHER_METRICS = [
  'Average view duration',
  'Duração média da visualização',
  'Duración media de las visualizaciones',
  'Durée moyenne de visionnage',
  "Durée moyenne d'une vue",
  'Durchschnittliche Wiedergabedauer',
  'Durata di visualizzazione media',
  '平均視聴時間',
  'Impressions click-through rate (%)',
  'Taxa de cliques de impressões (%)',
  'Porcentaje de clics de las impresiones (%)',
  'Taux de clics par impression (%)',
  'Klickrate der Impressionen (%)',
  'インプレッションのクリック率 (%)',
  'Estimated revenue (USD)',
  'Ingresos estimados (USD)',
  'Geschätzter Umsatz (USD)',
  'Geschätzter Umsatz (EUR)',
  '推定収益 (JPY)',
  'Unique viewers',
  'Spectateurs uniques',
  'Spettatori unici',
  'Engaged views',
  'Vues engagées',
  'エンゲージ ビュー',
  'Average percentage viewed (%)',
  'Pourcentage moyen regardé (%)',
  'Percentuale media visualizzata (%)'
]

/** Every metric header name known in any language, normalised (normalizeHeader). */
export const YOUTUBE_METRIC_NAMES: ReadonlySet<string> = new Set(
  [
    ...(['views', 'watchTime', 'subscribers', 'impressions', 'subscribersGained', 'subscribersLost'] as const).flatMap(
      (f) => YOUTUBE_FIELDS[f].names
    ),
    ...(['likes', 'comments', 'shares'] as const).flatMap((f) => YOUTUBE_FIELDS[f].names),
    ...OTHER_METRICS
  ].map(normalizeHeader)
)

export type YoutubeField = keyof typeof YOUTUBE_FIELDS

/**
 * Studio's files never name the channel ("Table data.csv"); its export folder does ("Content 2024-01-01_2024-12-31
 * <channel>"), and so does a file name shaped like the sample's "SYNTHETIC_youtube_<handle>_<from>_<to>_Table data.csv".
 */
export const youtubeAccountInName: AccountInName = (name) => inStem(name) ?? youtubeChannelInFolder(name.folderName)

/** The import's account, else the channel the file name or folder names (else ACCOUNT_REQUIRED). */
export function youtubeAccount(ctx: NormalizeContext): FileAccount {
  return fileAccount(ctx, 'youtube', youtubeAccountInName)
}

/** A count column if the file has it (any of the field's names), else NULL: a metric the export lacks is not 0. */
export function countOf(ctx: Pick<NormalizeContext, 'columns'>, field: YoutubeField): string {
  const hit = findColumn(ctx.columns, ...YOUTUBE_FIELDS[field].names)
  return hit === null ? 'NULL' : countSql(col(hit))
}

/** The file's column for a field, or null. */
export const youtubeColumn = (columns: string[], field: YoutubeField): string | null =>
  findColumn(columns, ...YOUTUBE_FIELDS[field].names)

/**
 * YouTube interactions = likes + comments + shares, over those of the three the file has; NULL when it has none
 * of them or all three cells are empty (Studio leaves cells empty where it has no data).
 */
export function youtubeInteractions(ctx: NormalizeContext): string {
  const parts = [countOf(ctx, 'likes'), countOf(ctx, 'comments'), countOf(ctx, 'shares')].filter((p) => p !== 'NULL')
  if (!parts.length) return 'NULL'
  return `CASE WHEN ${parts.map((p) => `${p} IS NULL`).join(' AND ')} THEN NULL ELSE ${parts.map((p) => `coalesce(${p}, 0)`).join(' + ')} END`
}
