/**
 * YouTube Studio advanced-mode download "Totals.csv" for Views: the channel's views per day, "Date,Views", UTF-8
 * without BOM, LF, oldest day first, no "Total" row. It gives the sample daily channel figures (the dashboard's
 * channel chart and the summary's "Channel views"), which post exports alone never have.
 * The days agree with the channel's videos in "Table data.csv": each video's views spread from its publish day
 * (most in its first weeks, a long tail after), plus the views of the library published before the period.
 */
import { csvLine, utf8 } from '../csvText'
import { Rng } from '../prng'
import type { SampleFile } from '../sampleFile'
import { DAY_COUNT, dayIndexOf, dayMs, weekdayOf, ymd } from '../time'
import type { Account } from '../world'
import { videos } from './youtubeTable'

/** A video's share of its views on day `age` after publishing: a fast decay (about three weeks) and a tail. */
const weight = (age: number): number => Math.exp(-age / 20) + 0.015

export function dailyViews(account: Account): number[] {
  const days = new Array<number>(DAY_COUNT).fill(0)
  for (const v of videos(account)) {
    const start = Math.max(0, dayIndexOf(v.published))
    let total = 0
    for (let d = start; d < DAY_COUNT; d++) total += weight(d - start)
    for (let d = start; d < DAY_COUNT; d++) days[d] += (v.views * weight(d - start)) / total
  }
  // The back catalogue: a steady trickle with the weekday rhythm of a health channel (fewer views at weekends).
  const rng = new Rng(`${account.inst.id}/youtube/totals`)
  const library = account.profile.startFollowers * 0.03
  return days.map((v, i) => Math.round(v + library * (weekdayOf(dayMs(i)) >= 5 ? 0.8 : 1.05) * rng.logNormal(0.25)))
}

export function youtubeTotalsFile(account: Account): SampleFile {
  const views = dailyViews(account)
  const lines = [['Date', 'Views'], ...views.map((v, i) => [ymd(dayMs(i)), String(v)])].map((cells) => csvLine(cells))
  return {
    fileName: `SYNTHETIC_youtube_${account.profile.handle}_2023-01-01_2025-12-31_Totals.csv`,
    format: 'youtube-studio-totals',
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
