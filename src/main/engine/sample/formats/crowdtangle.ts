/**
 * CrowdTangle "historical data" search export (41 columns) of Facebook Page posts: UTF-8 with BOM, LF,
 * quoted only where needed, sorted by interactions, "Total Interactions" with "." as thousands separator,
 * "Overperforming Score" with "," as decimal separator, "Post Created" with a zone abbreviation.
 */
import { Rng } from '../prng'
import { commaDecimal, csvLine, dotThousands, utf8 } from '../csvText'
import type { SampleFile } from '../sampleFile'
import { easternZone, pad2, yearOf, ymd } from '../time'
import type { Account, Post } from '../world'

const WEIGHTED =
  'Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )'
const HEADER = [
  'Page Name',
  'User Name',
  'Facebook Id',
  'Page Category',
  'Page Admin Top Country',
  'Page Description',
  'Page Created',
  'Likes at Posting',
  'Followers at Posting',
  'Post Created',
  'Post Created Date',
  'Post Created Time',
  'Type',
  'Total Interactions',
  'Likes',
  'Comments',
  'Shares',
  'Love',
  'Wow',
  'Haha',
  'Sad',
  'Angry',
  'Care',
  'Video Share Status',
  'Is Video Owner?',
  'Post Views',
  'Total Views',
  'Total Views For All Crossposts',
  'Video Length',
  'URL',
  'Message',
  'Link',
  'Final Link',
  'Image Text',
  'Link Text',
  'Description',
  'Sponsor Id',
  'Sponsor Name',
  'Sponsor Category',
  WEIGHTED,
  'Overperforming Score'
]

/** When each yearly export was (notionally) downloaded; it names the file, as CrowdTangle did. */
const EXPORTED_AT: Record<number, string> = {
  2023: '2024-01-03-10-17-42-EST',
  2024: '2025-01-06-09-02-15-EST',
  2025: '2026-01-05-16-48-03-EST'
}

const duration = (seconds: number): string =>
  `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`

const digits = (rng: Rng, n: number): string => String(rng.int(1, 9)) + rng.chars(n - 1, '0123456789')

interface Row {
  total: number
  utcMs: number
  cells: string[]
}

function row(rng: Rng, a: Account, p: Post): Row {
  const i = p.interactions
  const sad = p.text.topic === 'awareness' ? 0.03 : 0.004
  const r = {
    likes: rng.share(i, 0.62),
    comments: rng.share(i, 0.07),
    shares: rng.share(i, 0.1),
    love: rng.share(i, 0.14),
    wow: rng.share(i, 0.01, 0.6),
    haha: rng.share(i, 0.008, 0.8),
    sad: rng.share(i, sad, 0.6),
    angry: rng.share(i, 0.002, 0.9),
    care: rng.share(i, 0.03, 0.5)
  }
  const total = r.likes + r.comments + r.shares + r.love + r.wow + r.haha + r.sad + r.angry + r.care
  const live = p.kind === 'video' && rng.chance(0.15)
  const type = { status: 'Status', photo: 'Photo', link: 'Link', video: live ? 'Live Video Complete' : 'Native Video' }[
    p.kind
  ]
  const postViews = p.kind === 'video' ? Math.round(total * 14 * rng.logNormal(0.4)) : 0
  const videoSeconds = live ? rng.int(1500, 5400) : rng.int(30, 420)
  const postId = digits(rng, 16)
  const handle = a.profile.handle
  const link = {
    status: '',
    photo: `https://www.facebook.com/photo.php?fbid=${digits(rng, 16)}&set=a.${digits(rng, 15)}&type=3`,
    link: /https:\/\/\S+/.exec(p.text.text)?.[0] ?? `https://${a.inst.domain}/`,
    video: `https://www.facebook.com/${handle}/videos/${digits(rng, 15)}/`
  }[p.kind]
  // CrowdTangle compares with the page's usual result for the post type; below par is shown negative.
  const ratio = Math.max(total, 1) / Math.max(1, p.followers * a.profile.engagementRate * 1.1)
  const score = ratio >= 1 ? ratio : -Math.min(99, 1 / ratio)
  const time = `${pad2(p.localHour)}:${pad2(p.localMinute)}:${pad2(p.localSecond)}`
  const cells = [
    a.inst.name,
    handle,
    a.inst.facebookId,
    a.inst.pageCategory,
    'US',
    a.inst.pageDescription,
    a.inst.pageCreated,
    String(Math.round(p.followers * 0.88)),
    String(p.followers),
    `${ymd(p.localDay)} ${time} ${easternZone(p.localDay)}`,
    ymd(p.localDay),
    time,
    type,
    dotThousands(total),
    ...[r.likes, r.comments, r.shares, r.love, r.wow, r.haha, r.sad, r.angry, r.care].map(String),
    p.kind === 'video' ? 'owned' : '',
    p.kind === 'video' ? 'Yes' : '-',
    String(postViews),
    String(p.kind === 'video' ? Math.round(postViews * (1 + 0.2 * rng.next())) : 0),
    '0',
    p.kind === 'video' ? duration(videoSeconds) : 'N/A',
    `https://www.facebook.com/${a.inst.facebookId}/posts/${postId}`,
    p.text.text,
    link,
    '',
    '',
    p.kind === 'link' || p.kind === 'video' ? p.text.headline : '',
    '',
    '',
    '',
    '',
    dotThousands(total),
    commaDecimal(score)
  ]
  return { total, utcMs: p.utcMs, cells }
}

/** One export per calendar year holding every listed page's posts. */
export function crowdtangleFiles(accounts: Account[]): SampleFile[] {
  const rows = accounts.flatMap((a) => {
    const rng = new Rng(`${a.inst.id}/facebook/crowdtangle`)
    return a.posts.map((p) => ({ year: yearOf(p.localDay), ...row(rng, a, p) }))
  })
  return Object.entries(EXPORTED_AT).map(([y, exportedAt]) => {
    const year = Number(y)
    const list = rows.filter((r) => r.year === year).sort((a, b) => b.total - a.total || a.utcMs - b.utcMs)
    const lines = [HEADER, ...list.map((r) => r.cells)].map((cells) => csvLine(cells))
    return {
      fileName: `SYNTHETIC_${exportedAt}-search-csv-export.csv`,
      format: 'crowdtangle-search',
      platform: 'facebook',
      institutions: accounts.map((a) => a.inst.id),
      encoding: 'utf-8-bom',
      preambleLines: 0,
      rows: list.length,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      bytes: utf8(lines.join('\n') + '\n', true)
    }
  })
}
