/**
 * Meta Business Suite "Insights" daily series export, byte-for-byte in the pristine layout:
 * UTF-16LE with BOM, LF, `sep=,` hint line, the quoted metric title, "Date","Primary", every value
 * quoted, local-midnight ISO dates without zone, and one extra blank line at the end of the file.
 */
import { csvLine, quoteAlways, utf16leWithBom } from '../csvText'
import type { SampleFile } from '../sampleFile'
import { dayMs, yearOf, ymd, YEARS } from '../time'
import type { Account } from '../world'

export interface MetaOptions {
  /** Days Meta did not report (rows simply absent, as in real exports), ISO inclusive range. */
  missing?: readonly [string, string]
}

/**
 * One file per calendar year (Meta caps custom ranges, so people export in chunks) holding two series, as Meta
 * stacks them when two metrics are exported together: "Facebook follows", a blank line, "Facebook unfollows".
 * Follows are gross: only with the unfollows do a reported total and the daily series agree, as in Meta's exports.
 */
export function metaFollowsFiles(account: Account, options: MetaOptions = {}): SampleFile[] {
  const [missFrom, missTo] = options.missing ? options.missing.map((d) => Date.parse(d)) : [NaN, NaN]
  return YEARS.map((year) => {
    const block = (title: string, values: number[]): string[] => {
      const lines: string[] = []
      values.forEach((count, i) => {
        const day = dayMs(i)
        if (yearOf(day) !== year || (day >= missFrom && day <= missTo)) return
        lines.push(csvLine([`${ymd(day)}T00:00:00`, String(count)], quoteAlways))
      })
      return [quoteAlways(title), csvLine(['Date', 'Primary'], quoteAlways), ...lines]
    }
    const follows = block('Facebook follows', account.newFollows)
    const unfollows = block('Facebook unfollows', account.lostFollows)
    const text = ['sep=,', ...follows, '', ...unfollows].join('\n') + '\n\n'
    return {
      fileName: `SYNTHETIC_meta_${account.profile.handle}_Follows_${year}.csv`,
      format: 'meta-business-suite-daily',
      platform: 'facebook',
      institutions: [account.inst.id],
      encoding: 'utf-16le-bom',
      preambleLines: 2,
      rows: follows.length - 2 + unfollows.length - 2,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      bytes: utf16leWithBom(text)
    }
  })
}
