/**
 * YouTube Studio advanced-mode download "Table data.csv" with the Content dimension (classic 9 columns):
 * UTF-8 without BOM, LF, quoted only where needed, a "Total" row first, then one row per video sorted by
 * views, "Video publish time" like "May 27, 2025", and ids starting with "-" guarded by a leading space.
 */
import { Rng } from '../prng'
import { csvLine, trimmedDecimal, utf8 } from '../csvText'
import type { SampleFile } from '../sampleFile'
import { shortTitle, videoTitle } from '../texts'
import { DAY_MS, PERIOD_END, monthDayYear } from '../time'
import type { Account } from '../world'

const HEADER = [
  'Content',
  'Video title',
  'Video publish time',
  'Duration',
  'Views',
  'Watch time (hours)',
  'Subscribers',
  'Impressions',
  'Impressions click-through rate (%)'
]
const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export interface Video {
  id: string
  title: string
  published: number
  duration: number
  views: number
  watchHours: number
  subscribers: number
  impressions: number
  clicks: number
}

export function videos(account: Account): Video[] {
  const rng = new Rng(`${account.inst.id}/youtube/metrics`)
  return account.posts.map((p) => {
    const short = rng.chance(0.25)
    const title = short ? `${shortTitle(rng, account.inst)} #shorts` : videoTitle(rng, account.inst)
    const duration = short ? rng.int(15, 59) : title.startsWith('Webinar') ? rng.int(1800, 3600) : rng.int(95, 1400)
    const ageDays = (PERIOD_END - p.localDay) / DAY_MS + 1
    const age = 0.35 + 0.65 * (1 - Math.exp(-ageDays / 90))
    const views = Math.round(p.interactions * 15 * age * (short ? 1.6 : 1))
    const viewed = duration * (short ? 0.7 + 0.25 * rng.next() : 0.22 + 0.3 * rng.next())
    const impressions = Math.round(views * (8 + 12 * rng.next()))
    return {
      id: rng.chars(11, ID_CHARS),
      title,
      published: p.localDay,
      duration,
      views,
      watchHours: (views * viewed) / 3600,
      subscribers: Math.round(views * 0.004 * rng.logNormal(0.6)) - (rng.chance(0.08) ? rng.int(1, 3) : 0),
      impressions,
      clicks: Math.round(views * (0.5 + 0.2 * rng.next()))
    }
  })
}

const ctr = (clicks: number, impressions: number): string =>
  impressions > 0 ? trimmedDecimal((clicks / impressions) * 100, 2) : '0'

export function youtubeTableFile(account: Account): SampleFile {
  const list = videos(account).sort((a, b) => b.views - a.views || a.published - b.published)
  const sum = (f: (v: Video) => number): number => list.reduce((s, v) => s + f(v), 0)
  const total = [
    'Total',
    '',
    '',
    '',
    String(sum((v) => v.views)),
    trimmedDecimal(
      sum((v) => v.watchHours),
      4
    ),
    String(sum((v) => v.subscribers)),
    String(sum((v) => v.impressions)),
    ctr(
      sum((v) => v.clicks),
      sum((v) => v.impressions)
    )
  ]
  const rows = list.map((v) => [
    // YouTube prefixes ids that start with "-" with a space so spreadsheets do not read a formula.
    v.id.startsWith('-') ? ` ${v.id}` : v.id,
    v.title,
    monthDayYear(v.published),
    String(v.duration),
    String(v.views),
    trimmedDecimal(v.watchHours, 4),
    String(v.subscribers),
    String(v.impressions),
    ctr(v.clicks, v.impressions)
  ])
  const lines = [HEADER, total, ...rows].map((cells) => csvLine(cells))
  return {
    fileName: `SYNTHETIC_youtube_${account.profile.handle}_2023-01-01_2025-12-31_Table data.csv`,
    format: 'youtube-studio-table',
    platform: 'youtube',
    institutions: [account.inst.id],
    encoding: 'utf-8',
    preambleLines: 0,
    rows: lines.length - 1,
    from: '2023-01-01',
    to: '2025-12-31',
    bytes: utf8(lines.join('\n') + '\n')
  }
}
