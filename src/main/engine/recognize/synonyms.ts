/**
 * Header synonyms across UI languages: one row per canonical concept, one entry per language the platform ships
 * its downloads in. A family's field table takes its names from here (`names('reach')` → "Reach", "Alcance",
 * "Couverture", "Reichweite", ...), so a file exported in Portuguese or German maps like the English one, and a
 * language added here reaches every family that uses the concept. Names are matched as headers.ts matches them
 * (case and spacing ignored).
 *
 * Where each name comes from is in docs/export-families.md ("Header variants by language"): a real export or a
 * public reader of one where seen, else Meta's / X's own UI term for the metric ("neighbour", not yet seen in a
 * file). A name that would mean two concepts in one language is left out (Dutch "Weergaven" is Meta's "Views",
 * so it is not also "Impressions"): a wrong synonym would map silently, a missing one lands the file as a plain
 * table with the field named.
 */

export const LANGUAGES = ['en', 'pt', 'es', 'fr', 'de', 'it', 'nl', 'sv'] as const
/** Languages only some families are seen in (YouTube Studio in Japanese): read by synonymsOf, after LANGUAGES. */
export const MORE_LANGUAGES = ['ja'] as const
export type Language = (typeof LANGUAGES)[number] | (typeof MORE_LANGUAGES)[number]
const ALL_LANGUAGES: readonly Language[] = [...LANGUAGES, ...MORE_LANGUAGES]

export type Synonyms = Partial<Record<Language, readonly string[]>>

/** Meta Business Suite (Facebook Page / Instagram content and daily exports). */
export const META_SYNONYMS = {
  post_id: {
    en: ['Post ID'],
    pt: ['Identificação do post'],
    es: ['Identificador de la publicación'],
    fr: ['Identifiant de la publication'],
    de: ['Beitrags-ID'],
    it: ['ID del post'],
    nl: ['Bericht-ID'],
    sv: ['Publicerings-id']
  },
  page_id: {
    en: ['Page ID'],
    pt: ['Identificação da página'],
    es: ['Identificador de la página'],
    fr: ['Identifiant de la Page'],
    de: ['Seiten-ID'],
    it: ['ID della Pagina'],
    nl: ['Pagina-ID'],
    sv: ['Sid-id']
  },
  page_name: {
    en: ['Page name'],
    pt: ['Nome da página'],
    es: ['Nombre de la página'],
    fr: ['Nom de la Page'],
    de: ['Seitenname'],
    it: ['Nome della Pagina'],
    nl: ['Paginanaam'],
    sv: ['Sidnamn']
  },
  account_id: {
    en: ['Account ID'],
    pt: ['Identificação da conta'],
    es: ['Identificador de la cuenta'],
    fr: ['Identifiant du compte'],
    de: ['Konto-ID'],
    it: ['ID account'],
    nl: ['Account-ID'],
    sv: ['Konto-ID']
  },
  account_username: {
    en: ['Account username'],
    pt: ['Nome de usuário da conta'],
    es: ['Nombre de usuario de la cuenta'],
    fr: ["Nom d'utilisateur du compte"],
    de: ['Benutzername des Kontos'],
    it: ["Nome utente dell'account"],
    nl: ['Gebruikersnaam van account']
  },
  account_name: {
    en: ['Account name'],
    pt: ['Nome da conta'],
    es: ['Nombre de la cuenta'],
    fr: ['Nom du compte'],
    de: ['Kontoname'],
    it: ["Nome dell'account"],
    nl: ['Accountnaam'],
    sv: ['Kontonamn']
  },
  title: {
    en: ['Title'],
    pt: ['Título'],
    es: ['Título'],
    fr: ['Titre'],
    de: ['Titel'],
    it: ['Titolo'],
    nl: ['Titel'],
    sv: ['Titel']
  },
  description: {
    en: ['Description'],
    pt: ['Descrição'],
    es: ['Descripción'],
    fr: ['Description'],
    de: ['Beschreibung'],
    it: ['Descrizione'],
    nl: ['Beschrijving'],
    sv: ['Beskrivning']
  },
  publish_time: {
    en: ['Publish time'],
    pt: ['Horário de publicação'],
    es: ['Hora de publicación'],
    fr: ['Heure de publication'],
    de: ['Veröffentlichungszeitpunkt'],
    it: ['Orario di pubblicazione'],
    nl: ['Publicatietijd'],
    sv: ['Publiceringstid']
  },
  permalink: {
    en: ['Permalink'],
    pt: ['Link permanente'],
    es: ['Enlace permanente'],
    fr: ['Lien permanent'],
    it: ['Link permanente'],
    sv: ['Permalänk']
  },
  post_type: {
    en: ['Post type'],
    pt: ['Tipo de post'],
    es: ['Tipo de publicación'],
    fr: ['Type de publication'],
    de: ['Beitragstyp'],
    it: ['Tipo di post'],
    nl: ['Type bericht'],
    sv: ['Inläggstyp']
  },
  /** "Lifetime" in content files; the day in daily files. */
  date: {
    en: ['Date'],
    pt: ['Data'],
    es: ['Fecha'],
    fr: ['Date'],
    de: ['Datum'],
    it: ['Data'],
    nl: ['Datum'],
    sv: ['Datum']
  },
  data_comment: { en: ['Data comment'] },
  views: {
    en: ['Views'],
    pt: ['Visualizações'],
    es: ['Visualizaciones'],
    fr: ['Vues'],
    de: ['Aufrufe'],
    it: ['Visualizzazioni'],
    nl: ['Weergaven'],
    sv: ['Visningar']
  },
  reach: {
    en: ['Reach'],
    pt: ['Alcance'],
    es: ['Alcance'],
    fr: ['Couverture'],
    de: ['Reichweite'],
    it: ['Copertura'],
    nl: ['Bereik'],
    sv: ['Räckvidd']
  },
  impressions: {
    en: ['Impressions'],
    pt: ['Impressões'],
    es: ['Impresiones'],
    fr: ['Impressions'],
    de: ['Impressionen'],
    it: ['Impressioni']
  },
  likes: {
    en: ['Likes'],
    pt: ['Curtidas'],
    es: ['Me gusta'],
    fr: ["J'aime"],
    de: ['„Gefällt mir“-Angaben', 'Gefällt mir'],
    it: ['Mi piace'],
    nl: ['Vind-ik-leuks']
  },
  comments: {
    en: ['Comments'],
    pt: ['Comentários'],
    es: ['Comentarios'],
    fr: ['Commentaires'],
    de: ['Kommentare'],
    it: ['Commenti'],
    sv: ['Kommentarer']
  },
  shares: {
    en: ['Shares'],
    pt: ['Compartilhamentos'],
    es: ['Veces que se compartió', 'Compartidos'],
    fr: ['Partages'],
    de: ['Geteilte Inhalte'],
    it: ['Condivisioni'],
    sv: ['Delningar']
  },
  saves: {
    en: ['Saves'],
    pt: ['Salvamentos'],
    es: ['Veces que se guardó', 'Guardados'],
    fr: ['Enregistrements'],
    de: ['Gespeicherte Inhalte'],
    it: ['Salvataggi']
  },
  reactions: {
    en: ['Reactions'],
    pt: ['Reações'],
    es: ['Reacciones'],
    fr: ['Réactions'],
    de: ['Reaktionen'],
    it: ['Reazioni'],
    sv: ['Reaktioner']
  },
  reactions_comments_shares: {
    en: ['Reactions, Comments and Shares'],
    pt: ['Reações, comentários e compartilhamentos'],
    es: ['Reacciones, comentarios y veces que se compartió'],
    fr: ['Réactions, commentaires et partages'],
    de: ['Reaktionen, Kommentare und geteilte Inhalte'],
    it: ['Reazioni, commenti e condivisioni'],
    sv: ['Reaktioner, kommentarer och delningar']
  },
  link_clicks: {
    en: ['Link Clicks'],
    pt: ['Cliques no link', 'Cliques em links'],
    es: ['Clics en el enlace'],
    fr: ['Clics sur un lien'],
    de: ['Link-Klicks'],
    it: ['Clic sul link'],
    sv: ['Länkklick']
  },
  /** The value column of a daily series: Meta leaves "Primary" untranslated (seen in a pt-BR reader). */
  primary: { en: ['Primary'] }
} satisfies Record<string, Synonyms>

/** X analytics (2024+): the account overview (daily) and content (per post) downloads. */
export const X_SYNONYMS = {
  post_id: {
    en: ['Post id'],
    ja: ['ポストID'],
    es: ['ID del post'],
    pt: ['ID do post'],
    fr: ['ID du post'],
    de: ['Post-ID'],
    it: ['ID del post']
  },
  date: { en: ['Date'], ja: ['日付'], es: ['Fecha'], pt: ['Data'], fr: ['Date'], de: ['Datum'], it: ['Data'] },
  post_text: {
    en: ['Post text'],
    ja: ['ポスト本文'],
    es: ['Texto del post'],
    pt: ['Texto do post'],
    fr: ['Texte du post'],
    de: ['Post-Text'],
    it: ['Testo del post']
  },
  link: {
    en: ['Link', 'Post Link'],
    ja: ['ポストのリンク'],
    es: ['Enlace', 'Enlace del post'],
    pt: ['Link do post'],
    fr: ['Lien', 'Lien du post'],
    de: ['Post-Link'],
    it: ['Link del post']
  },
  impressions: {
    en: ['Impressions'],
    ja: ['インプレッション数'],
    es: ['Impresiones'],
    pt: ['Impressões'],
    fr: ['Impressions'],
    de: ['Impressionen'],
    it: ['Impressioni']
  },
  likes: {
    en: ['Likes'],
    ja: ['いいね'],
    es: ['Me gusta'],
    pt: ['Curtidas'],
    fr: ["J'aime"],
    de: ['Gefällt mir'],
    it: ['Mi piace']
  },
  engagements: {
    en: ['Engagements'],
    ja: ['エンゲージメント'],
    es: ['Interacciones'],
    pt: ['Engajamentos'],
    fr: ['Engagements'],
    de: ['Interaktionen'],
    it: ['Interazioni']
  },
  bookmarks: {
    en: ['Bookmarks'],
    ja: ['ブックマーク'],
    es: ['Elementos guardados'],
    pt: ['Itens salvos'],
    fr: ['Signets'],
    de: ['Lesezeichen'],
    it: ['Segnalibri']
  },
  replies: {
    en: ['Replies'],
    ja: ['返信'],
    es: ['Respuestas'],
    pt: ['Respostas'],
    fr: ['Réponses'],
    de: ['Antworten'],
    it: ['Risposte']
  },
  reposts: { en: ['Reposts'], ja: ['リポスト'], it: ['Repost'] },
  new_follows: {
    en: ['New follows'],
    ja: ['新しいフォロー'],
    es: ['Nuevos seguidores'],
    pt: ['Novos seguidores'],
    fr: ['Nouveaux abonnements'],
    de: ['Neue Follower'],
    it: ['Nuovi follower']
  },
  unfollows: {
    en: ['Unfollows'],
    ja: ['フォロー解除'],
    es: ['Dejaron de seguirte'],
    pt: ['Deixaram de seguir'],
    fr: ['Désabonnements'],
    de: ['Entfolgungen'],
    it: ['Non seguono più']
  },
  profile_visits: {
    en: ['Profile visits'],
    ja: ['プロフィールへのアクセス数'],
    es: ['Visitas al perfil'],
    pt: ['Visitas ao perfil'],
    fr: ['Visites du profil'],
    de: ['Profilbesuche'],
    it: ['Visite al profilo']
  },
  url_clicks: {
    en: ['Url clicks', 'URL Clicks', 'Link clicks'],
    ja: ['リンクのクリック数'],
    es: ['Clics en el enlace'],
    pt: ['Cliques no link'],
    fr: ['Clics sur le lien'],
    de: ['Link-Klicks'],
    it: ['Clic sul link']
  },
  video_views: {
    en: ['Video views'],
    ja: ['動画再生数'],
    es: ['Reproducciones de video'],
    pt: ['Visualizações do vídeo'],
    fr: ['Vues de la vidéo'],
    de: ['Videoaufrufe'],
    it: ['Visualizzazioni video']
  }
} satisfies Record<string, Synonyms>

/**
 * X/Twitter Analytics classic downloads (tweet_activity_metrics_*_<lang>.csv and daily_tweet_activity_metrics_*):
 * English names with their generations (favorites → likes 2015, Tweet → Post 2023), and the Japanese download's
 * (a public reader's full column list; its daily file keeps "Tweets published" in English).
 */
export const X_CLASSIC_SYNONYMS = {
  post_id: { en: ['Tweet id', 'Post id'], ja: ['ツイートID'] },
  url: { en: ['Tweet permalink', 'Post permalink'], ja: ['ツイートの固定リンク'] },
  text: { en: ['Tweet text', 'Post text'], ja: ['ツイート本文'] },
  time: { en: ['time'], ja: ['時間'] },
  day: { en: ['Date'], ja: ['日付'] },
  published: { en: ['Tweets published', 'Posts published'] },
  impressions: { en: ['impressions'], ja: ['インプレッション'] },
  engagements: { en: ['engagements'], ja: ['エンゲージメント'] },
  likes: { en: ['likes', 'favorites'], ja: ['いいね'] },
  replies: { en: ['replies'], ja: ['返信'] },
  retweets: { en: ['retweets', 'reposts'], ja: ['リツイート'] },
  url_clicks: { en: ['url clicks', 'link clicks'], ja: ['URLクリック数'] },
  profile_clicks: { en: ['user profile clicks'], ja: ['ユーザープロフィールクリック'] }
} satisfies Record<string, Synonyms>

/** Every name of a concept, English first, then the other languages in LANGUAGES order, without repeats. */
export function synonymsOf(table: Record<string, Synonyms>, concept: string): string[] {
  const row = table[concept]
  if (!row) throw new Error(`no synonyms for "${concept}"`)
  return [...new Set(ALL_LANGUAGES.flatMap((l) => row[l] ?? []))]
}

export const metaNames = (concept: keyof typeof META_SYNONYMS): string[] => synonymsOf(META_SYNONYMS, concept)

export const xNames = (concept: keyof typeof X_SYNONYMS): string[] => synonymsOf(X_SYNONYMS, concept)

export const xClassicNames = (concept: keyof typeof X_CLASSIC_SYNONYMS): string[] =>
  synonymsOf(X_CLASSIC_SYNONYMS, concept)
