/**
 * No silent partial success: a recognised import that lands nothing, or rejects more than a few percent of its
 * rows, says so in the headline of its report and in the CLI's `warnings`, with the cause and two rows showing it.
 * (TikTok Studio's yearless dates once rejected every row of an Overview.csv while the import "succeeded".)
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { LandingWarning, RejectedRow } from '../../../shared/types'

/** More rejected than this share of the rows read is more than a stray bad row: warn. */
export const REJECTED_SHARE_WARNING = 0.02

export interface LandingCounts {
  rowsRead: number
  rowsRejected: number
  /** Rows stored in the canonical tables (new, updated or unchanged). */
  rowsLanded: number
}

interface Cause {
  cause: string
  examples: RejectedRow[]
}

/** The reason most rejected rows share, with the values in quotes taken out, and its first two rows. */
async function mainCause(conn: DuckDBConnection): Promise<Cause> {
  // Values are quoted in reasons ('unreadable date "April 12"'); ids are long numbers: neither is the cause.
  const kind = `rtrim(trim(regexp_replace(regexp_replace(_reject, '\\s*"[^"]*"', '', 'g'), '\\d{5,}', '…', 'g')), '.')`
  const rows = (
    await conn.runAndReadAll(
      `WITH k AS (SELECT _row, _reject, ${kind} AS cause FROM stage_rejects),
            top AS (SELECT cause FROM k GROUP BY cause ORDER BY count(*) DESC, min(_row) LIMIT 1)
       SELECT k.cause, k._row, k._reject FROM k JOIN top USING (cause) ORDER BY k._row LIMIT 2`
    )
  ).getRowObjectsJson() as { cause: string; _row: number | string | null; _reject: string }[]
  return {
    cause: rows[0]?.cause ?? 'rejected',
    examples: rows.map((r) => ({ row: r._row === null ? null : Number(r._row), reason: r._reject }))
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
const exampleText = (ex: RejectedRow[]) =>
  ex.map((e) => `row ${e.row ?? '?'}: ${e.reason.replace(/\.$/, '')}`).join('; ')

export async function landingWarnings(conn: DuckDBConnection, c: LandingCounts): Promise<LandingWarning[]> {
  if (c.rowsRead === 0) return []
  const share = c.rowsRejected / c.rowsRead
  if (c.rowsLanded > 0 && share <= REJECTED_SHARE_WARNING) return []
  const { cause, examples } =
    c.rowsRejected > 0 ? await mainCause(conn) : { cause: 'no row had a value the benchmark tables hold', examples: [] }
  if (c.rowsLanded === 0) {
    const why =
      c.rowsRejected > 0
        ? `${plural(c.rowsRejected, 'row')} rejected (${cause}), e.g. ${exampleText(examples)}`
        : `${cause} (the notes say why)`
    return [
      {
        code: 'nothing-landed',
        cause,
        examples,
        message: `Nothing reached the benchmark tables: ${plural(c.rowsRead, 'row')} read, ${why}.`
      }
    ]
  }
  const pct = Math.round(share * 1000) / 10
  return [
    {
      code: 'rows-rejected',
      cause,
      examples,
      message: `${plural(c.rowsRejected, 'row')} of ${c.rowsRead.toLocaleString('en-US')} (${pct}%) rejected (${cause}), e.g. ${exampleText(examples)}.`
    }
  ]
}
