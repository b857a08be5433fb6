/**
 * A count cell that countSql cannot read ("1.234,5", "12K", "about 40") is stored as NULL: never a wrong number,
 * but the report must say so, or a column of European decimals would vanish from the benchmark without a word.
 * warnUnreadCounts counts, per mapped column, the cells that are not blank and not read, in one scan, and warns with
 * the column, the number of cells and one example; the raw table keeps every value as written.
 */
import { col, countSql, isBlankSql } from './parseSql'
import type { NormalizeContext } from './types'

export async function warnUnreadCounts(
  ctx: Pick<NormalizeContext, 'conn' | 'raw' | 'warn'>,
  columns: (string | null)[]
): Promise<void> {
  const names = [...new Set(columns.filter((c): c is string => c !== null))]
  if (!names.length) return
  const unread = (c: string) => `NOT ${isBlankSql(col(c))} AND ${countSql(col(c))} IS NULL`
  const parts = names.map(
    (c, i) => `count(*) FILTER (WHERE ${unread(c)}) AS n${i}, min(${col(c)}) FILTER (WHERE ${unread(c)}) AS e${i}`
  )
  const row = (
    await ctx.conn.runAndReadAll(`SELECT ${parts.join(', ')} FROM ${ctx.raw}`)
  ).getRowObjectsJson()[0] as Record<string, string | null>
  names.forEach((c, i) => {
    const n = Number(row[`n${i}`])
    if (n > 0)
      ctx.warn(
        `Column "${c}": ${n} cell(s) such as ${JSON.stringify(row[`e${i}`])} are not counts and were stored as empty (NULL); the raw table keeps them as written.`
      )
  })
}
