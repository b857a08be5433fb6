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
 * One "Facebook follows" and one "Facebook unfollows" file per calendar year (Meta caps custom ranges, so people
 * export in chunks). Follows are gross: only with the unfollows do a reported total and the daily series agree, as
 * they do in Meta's own exports.
 */
export function metaFollowsFiles(account: Account, options: MetaOptions = {}): SampleFile[] {
  return YEARS.flatMap((year) => [
    metaDailyFile(account, year, 'Facebook follows', 'Follows', account.newFollows, options),
    metaDailyFile(account, year, 'Facebook unfollows', 'Unfollows', account.lostFollows, options)
  ])
}

function metaDailyFile(
  account: Account,
  year: number,
  title: string,
  fileTitle: string,
  values: number[],
  options: MetaOptions
): SampleFile {
  const [missFrom, missTo] = options.missing ? options.missing.map((d) => Date.parse(d)) : [NaN, NaN]
  const lines: string[] = []
  values.forEach((count, i) => {
    const day = dayMs(i)
    if (yearOf(day) !== year || (day >= missFrom && day <= missTo)) return
    lines.push(csvLine([`${ymd(day)}T00:00:00`, String(count)], quoteAlways))
  })
  const text = ['sep=,', quoteAlways(title), csvLine(['Date', 'Primary'], quoteAlways), ...lines].join('\n') + '\n\n'
  return {
    fileName: `SYNTHETIC_meta_${account.profile.handle}_${fileTitle}_${year}.csv`,
    format: 'meta-business-suite-daily',
    platform: 'facebook',
    institutions: [account.inst.id],
    encoding: 'utf-16le-bom',
    preambleLines: 2,
    rows: lines.length,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    bytes: utf16leWithBom(text)
  }
}
