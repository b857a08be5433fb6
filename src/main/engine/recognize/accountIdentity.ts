/**
 * Which account a file belongs to when its rows do not say. Platforms name their downloads after the report, not
 * the account ("Table data.csv", "Reach.csv", "Overview.csv"), so two channels' exports carry the same name: an
 * account made from such a name files one channel's posts under another's. A file name counts as naming an
 * account only when a recognizer's pattern finds a handle in it (daily_tweet_activity_metrics_<handle>_...) and
 * that handle is not itself a generic word; else the user names the account (ImportOptions.account), or the
 * import is refused with ACCOUNT_REQUIRED. Nothing is guessed.
 */
import { AppFailure } from '../../../shared/result'
import type { Platform } from '../../../shared/types'

/**
 * Words of report and metric names, in the UI languages the platforms ship (Studio's "Table data" is "Datos de la
 * tabla" in Spanish...), plus words that only say what a file is (raw, export, copy). Lower case, accents kept.
 */
const GENERIC_PHRASES = [
  // YouTube Studio, TikTok Studio, X, LinkedIn, Meta report and file names
  'table data',
  'chart data',
  'totals',
  'total',
  'overview',
  'content',
  'follower history',
  'followerhistory',
  'follower activity',
  'followeractivity',
  'follower gender',
  'followergender',
  'follower top territories',
  'followertopterritories',
  'viewers',
  'audience',
  'followers',
  'follower',
  'follows',
  'new followers',
  'reach',
  'views',
  'visits',
  'profile visits',
  'link clicks',
  'content interactions',
  'interactions',
  'impressions',
  'engagement',
  'posts',
  'post',
  'videos',
  'video',
  'tweets',
  'tweet',
  'activity',
  'daily',
  'metrics',
  'analytics',
  'insights',
  'statistics',
  'stats',
  'report',
  'data',
  'dataset',
  'export',
  'exports',
  'download',
  'file',
  'raw',
  'clean',
  'final',
  'new',
  'untitled',
  'copy',
  'sheet',
  'account',
  'accounts',
  'page',
  'pages',
  'channel',
  'profile',
  'studio',
  'business suite',
  'top content formats',
  'age gender',
  'age & gender',
  'en',
  // platform names
  'youtube',
  'yt',
  'tiktok',
  'instagram',
  'ig',
  'facebook',
  'fb',
  'meta',
  'linkedin',
  'x',
  'twitter',
  'mastodon',
  // Spanish
  'datos de la tabla',
  'datos del gráfico',
  'totales',
  'resumen',
  'contenido',
  'alcance',
  'visualizaciones',
  'interacciones con el contenido',
  'interacciones',
  'visitas',
  'seguidores',
  'copia',
  'datos',
  // Portuguese
  'dados da tabela',
  'dados do gráfico',
  'totais',
  'visão geral',
  'conteúdo',
  'visualizações',
  'interações com o conteúdo',
  'interações',
  'cópia',
  'dados',
  // French
  'données du tableau',
  'données du graphique',
  'totaux',
  'aperçu',
  'contenu',
  'couverture',
  'vues',
  'interactions avec le contenu',
  'visites',
  'abonnés',
  'copie',
  'données',
  // German
  'tabellendaten',
  'diagrammdaten',
  'summen',
  'gesamtwerte',
  'übersicht',
  'inhalt',
  'reichweite',
  'aufrufe',
  'interaktionen mit inhalten',
  'interaktionen',
  'besuche',
  'kopie',
  'daten',
  // Italian
  'dati della tabella',
  'dati del grafico',
  'totali',
  'panoramica',
  'contenuti',
  'copertura',
  'visualizzazioni',
  'interazioni con i contenuti',
  'interazioni',
  'visite',
  'follower',
  'dati',
  // Dutch
  'tabelgegevens',
  'diagramgegevens',
  'totalen',
  'overzicht',
  'inhoud',
  'bereik',
  'weergaven',
  'interacties met content',
  'interacties',
  'bezoeken',
  'volgers',
  'gegevens'
]

/** English month names and abbreviations, as they appear in date ranges of file names ("Oct-31-2025"). */
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
]

const GENERIC_WORDS = new Set([
  ...GENERIC_PHRASES.flatMap((p) => p.split(' ')),
  ...MONTHS,
  'to',
  'from',
  'de',
  'la',
  'del',
  'da',
  'do',
  'du',
  'con',
  'el',
  'com',
  'o',
  'mit',
  'i',
  'met',
  'avec',
  'le',
  'les',
  'des',
  'and',
  'by',
  'of',
  'the',
  'a'
])

/** The words of a file name or handle: lower case, split at anything but letters and digits (any script). */
function words(name: string): string[] {
  return name
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w !== '')
}

/**
 * True when a file name (or a handle found in one) says what the file is but not whose it is: only report and
 * metric words, dates, numbers and copy markers ("Table data (1).csv", "Totals.csv", "IG_REACH.csv",
 * "2024-01-01_2024-03-31.csv", "export.csv").
 */
export function isGenericName(name: string): boolean {
  const stem = name.replace(/\.(csv|tsv|txt|json|ndjson|js|xlsx|xls)$/i, '')
  return words(stem).every((w) => /^\d+$/.test(w) || /^\d+(st|nd|rd|th)$/.test(w) || GENERIC_WORDS.has(w))
}

/** The handle a recognizer's pattern finds in a file name, unless it is generic; null when there is none. */
export function handleInFileName(
  fileName: string,
  handleIn: ((stem: string) => string | null) | undefined
): string | null {
  if (!handleIn) return null
  const found = handleIn(fileName.replace(/\.[^.]+$/, ''))?.trim()
  return found && !isGenericName(found) ? found : null
}

const PLATFORM_NAMES: Record<Platform, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  mastodon: 'Mastodon',
  other: ''
}

/** The refusal of a file that names no account, naming the file and how to give one. */
export function accountRequired(fileName: string, platform: Platform): AppFailure {
  const which = PLATFORM_NAMES[platform] ? `${PLATFORM_NAMES[platform]} account` : 'account'
  return new AppFailure(
    'ACCOUNT_REQUIRED',
    `${fileName} does not name its ${which}, and a generic file name is never taken for one (two channels' "Table data.csv" ` +
      `would land on one account). Choose the account for this import (CLI: --account <handle>); nothing was imported.`
  )
}

/**
 * The channel a YouTube Studio export folder names: Studio downloads "<report> <from>_<to> <channel>.zip"
 * ("Geography 2021-08-22_2025-10-17 Polylog/Table data.csv"), and its three files do not name it themselves.
 */
export function youtubeChannelInFolder(folder: string | null | undefined): string | null {
  const m = /^.+? \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} (.+)$/.exec(folder?.trim() ?? '')
  const channel = m?.[1]?.trim()
  return channel && !isGenericName(channel) ? channel : null
}
