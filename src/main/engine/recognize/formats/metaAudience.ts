/**
 * Meta Business Suite audience files ("Audience.csv") and the "Top content formats" summary: several small tables
 * stacked in one file, each with a title line ("Age & gender", "Top countries", "Top cities", "Facebook followers",
 * "Facebook followers by gender and age") and its own mini-header; countries and cities come as one row of names
 * and one row of percentages.
 *
 * Audience shares (percent of followers by age, gender, place) are not part of the benchmark model, which counts
 * posts and daily account metrics, so these files load as raw datasets only: no canonical rows, and a warning that
 * says so. The follower total in "Facebook followers / FB_PAGE / 30222" has no date, so it cannot become an
 * account_daily row either. No interactions total is defined for these formats.
 */
import { ident } from '../../db/sql'
import { normalizeHeader } from '../headers'
import type { NormalizeContext, NormalizeOutput, Recognizer, RecognizeInput } from '../types'
import { cleanTitle } from './metaCommon'

const AUDIENCE_TITLE =
  /^(age & gender|age and gender|top countries|top cities|top towns\/cities|top pages|(facebook|instagram) followers( by .*)?)$/i
const FORMAT_NAMES = new Set(['reels', 'photos', 'multi-photo', 'links', 'stories', 'text', 'others', 'videos'])

const NO_ACCOUNTS = `SELECT NULL AS account_id, NULL AS platform, NULL AS handle, NULL AS display_name WHERE false`

/** Titles seen above the table and down its first column. */
function titlesIn(input: Pick<RecognizeInput, 'preamble' | 'sample' | 'columns'>): string[] {
  return [...(input.preamble ?? []), ...input.columns.slice(0, 1), ...input.sample.map((r) => r[0] ?? '')].map(
    cleanTitle
  )
}

async function warnAudience(ctx: NormalizeContext): Promise<NormalizeOutput> {
  ctx.warn(
    'Audience breakdowns (age and gender, top countries and cities, follower totals without a date) are not part of ' +
      'the benchmark model: this file is kept as a raw dataset only, with no account or daily rows.'
  )
  const above = (ctx.preamble ?? []).map(cleanTitle).filter((t) => AUDIENCE_TITLE.test(t))
  if (above.length) {
    ctx.warn(
      `The stacked tables above the widest one (${above.join(', ')}) were read as title lines, so their rows are not ` +
        'in the raw table; open the file itself for them.'
    )
  }
  // A spreadsheet re-save split "Lviv, Lviv Oblast, Ukraine" at its commas: the pieces start with a space.
  const split = ctx.columns.map((c) => `coalesce(starts_with(${ident(c)}::VARCHAR, ' '), false)`).join(' OR ')
  const n = Number(
    (
      (await ctx.conn.runAndReadAll(`SELECT count(*) AS n FROM ${ctx.raw} WHERE ${split}`)).getRowObjectsJson()[0] as {
        n: string
      }
    ).n
  )
  if (n > 0) {
    ctx.warn(
      `${n} rows have cells starting with a space: place names such as "Lviv, Lviv Oblast, Ukraine" were split into several cells by a spreadsheet re-save.`
    )
  }
  return { accounts: NO_ACCOUNTS }
}

export const metaAudience: Recognizer = {
  id: 'meta-business-suite-audience',
  label: 'Meta Business Suite audience (stacked tables)',
  platform: 'facebook',
  detect: (input) =>
    input.format === 'csv' &&
    (titlesIn(input).some((t) => AUDIENCE_TITLE.test(t)) ||
      input.columns.some((c) => ['fb_page', 'ig_account'].includes(normalizeHeader(c)))),
  normalize: warnAudience
}

export const metaTopContentFormats: Recognizer = {
  id: 'meta-business-suite-top-formats',
  label: 'Meta Business Suite top content formats',
  platform: 'facebook',
  detect: ({ columns, format }) =>
    format === 'csv' && columns.filter((c) => FORMAT_NAMES.has(normalizeHeader(c))).length >= 3,
  normalize: (ctx) => {
    ctx.warn(
      'Totals by content format ("Views", "Content interactions", "Published content" per Reels, Photos, ...) have no ' +
        'date and no account: they are not part of the benchmark model and are kept as a raw dataset only.'
    )
    return { accounts: NO_ACCOUNTS }
  }
}
