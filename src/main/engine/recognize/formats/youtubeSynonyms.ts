/**
 * YouTube Studio's header names per concept and UI language (the shared shape of recognize/synonyms.ts). Studio
 * translates its headers and file names ("Tabellendaten.csv", "Données du tableau.csv", "表データ.csv") but writes
 * ISO days in the Date column whatever the language. Where each name was seen: docs/export-families.md (YouTube
 * Studio, "Columns by language"); names marked there as not seen are Studio's natural translation.
 */
import type { Synonyms } from '../synonyms'

export const YOUTUBE_SYNONYMS = {
  // "Video" in 2020-21 downloads (Aggregated_Metrics_By_Video.csv of a public channel dataset).
  content: {
    en: ['Content', 'Video'],
    pt: ['Conteúdo'],
    es: ['Contenido'],
    fr: ['Contenu'],
    de: ['Videos'],
    it: ['Contenuti'],
    ja: ['コンテンツ']
  },
  date: { en: ['Date'], pt: ['Data'], es: ['Fecha'], de: ['Datum'], it: ['Data'], ja: ['日付'] },
  title: {
    en: ['Video title'],
    pt: ['Título do vídeo'],
    es: ['Título del vídeo'],
    fr: ['Titre de la vidéo'],
    de: ['Videotitel'],
    it: ['Titolo del video'],
    ja: ['動画のタイトル']
  },
  published: {
    en: ['Video publish time'],
    pt: ['Horário de publicação do vídeo'],
    es: ['Hora de publicación del vídeo'],
    fr: ['Heure de publication de la vidéo'],
    de: ['Veröffentlichungszeitpunkt des Videos'],
    it: ['Ora pubblicazione video'],
    ja: ['動画公開時刻']
  },
  views: {
    en: ['Views'],
    pt: ['Visualizações'],
    es: ['Visualizaciones'],
    fr: ['Vues'],
    de: ['Aufrufe'],
    it: ['Visualizzazioni'],
    ja: ['視聴回数']
  },
  watchTime: {
    en: ['Watch time (hours)'],
    pt: ['Tempo de exibição (horas)'],
    es: ['Tiempo de visualización (horas)'],
    fr: ['Durée de visionnage (heures)'],
    de: ['Wiedergabezeit (Stunden)'],
    it: ['Tempo di visualizzazione (ore)'],
    ja: ['総再生時間（単位: 時間）']
  },
  subscribers: {
    en: ['Subscribers'],
    pt: ['Inscritos'],
    es: ['Suscriptores'],
    fr: ['Abonnés'],
    de: ['Abonnenten'],
    it: ['Iscritti'],
    ja: ['チャンネル登録者']
  },
  // "Thumbnail impressions" since 2025 (the same count, renamed when Studio split out other surfaces).
  impressions: {
    en: ['Impressions', 'Thumbnail impressions'],
    pt: ['Impressões', 'Impressões de miniaturas'],
    es: ['Impresiones'],
    de: ['Impressionen'],
    it: ['Impressioni'],
    ja: ['インプレッション数']
  },
  subscribersGained: {
    en: ['Subscribers gained'],
    pt: ['Inscrições obtidas'],
    es: ['Suscriptores ganados'],
    fr: ['Nouveaux abonnés']
  },
  subscribersLost: { en: ['Subscribers lost'], es: ['Suscriptores perdidos'] },
  likes: { en: ['Likes'], es: ['Me gusta'], fr: ["J'aime"], de: ['Mag ich'], it: ['Mi piace'], ja: ['高評価数'] },
  comments: { en: ['Comments added', 'Comments'], es: ['Comentarios'], fr: ['Commentaires'] },
  shares: {
    en: ['Shares'],
    pt: ['Compartilhamentos'],
    es: ['Compartidos'],
    fr: ['Partages'],
    de: ['Geteilte Inhalte'],
    it: ['Condivisioni'],
    ja: ['共有数']
  },
  // Metrics Chart data and Totals may carry besides the above: a "Date" file whose other columns are all metrics is
  // the channel's days; one other column is a dimension (traffic source...).
  averageViewDuration: {
    en: ['Average view duration'],
    pt: ['Duração média da visualização'],
    es: ['Duración media de las visualizaciones'],
    fr: ['Durée moyenne de visionnage', "Durée moyenne d'une vue"],
    de: ['Durchschnittliche Wiedergabedauer'],
    it: ['Durata di visualizzazione media'],
    ja: ['平均視聴時間']
  },
  clickThroughRate: {
    en: ['Impressions click-through rate (%)', 'Thumbnail click-through rate (%)'],
    pt: ['Taxa de cliques de impressões (%)'],
    es: ['Porcentaje de clics de las impresiones (%)'],
    fr: ['Taux de clics par impression (%)'],
    de: ['Klickrate der Impressionen (%)'],
    ja: ['インプレッションのクリック率 (%)']
  },
  estimatedRevenue: {
    en: ['Estimated revenue (USD)', 'Your estimated revenue (USD)', 'RPM (USD)', 'CPM (USD)'],
    es: ['Ingresos estimados (USD)'],
    de: ['Geschätzter Umsatz (USD)', 'Geschätzter Umsatz (EUR)'],
    ja: ['推定収益 (JPY)']
  },
  uniqueViewers: {
    en: ['Unique viewers', 'New viewers', 'Returning viewers'],
    fr: ['Spectateurs uniques'],
    it: ['Spettatori unici', 'Nuovi spettatori', 'Spettatori di ritorno']
  },
  dislikes: { en: ['Dislikes'] },
  stayedToWatch: {
    en: ['Stayed to watch (%)'],
    fr: ['Ont continué de regarder (%)'],
    it: ['Ha continuato a guardare (%)']
  },
  engagedViews: { en: ['Engaged views'], fr: ['Vues engagées'], ja: ['エンゲージ ビュー'] },
  averagePercentageViewed: {
    en: ['Average percentage viewed (%)'],
    fr: ['Pourcentage moyen regardé (%)'],
    it: ['Percentuale media visualizzata (%)']
  }
} satisfies Record<string, Synonyms>

export type YoutubeConcept = keyof typeof YOUTUBE_SYNONYMS
