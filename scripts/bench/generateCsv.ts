/**
 * A deterministic CrowdTangle-style "historical data" CSV (the 41-column search export header), written by DuckDB's
 * COPY from integer-hash values: no real data, same bytes every run, about 1M rows in a few seconds.
 * The quirks the importer has to cope with are all there: quoted multi-line "Message" text with embedded quotes,
 * "Total Interactions" with '.' thousands ("12.345"), "Overperforming Score" with ',' decimals (quoted: "1,45"),
 * "Post Created" with an "EST" suffix, "N/A" and "-" placeholders.
 */
import { DuckDBInstance } from '@duckdb/node-api'

export const CROWDTANGLE_HEADER = [
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
  'Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )',
  'Overperforming Score'
]

export const PAGES = 200
const FIVE_YEARS_S = 5 * 365 * 86_400

/** Knuth's multiplicative hash of the row number, salted per column: plain integer arithmetic, so fully reproducible. */
const h = (salt: number, mod: number) => `((i * 2654435761 + ${salt * 40503}) % 4294967296 % ${mod})`
const dots = (expr: string) => `replace(format('{:,}', ${expr}), ',', '.')`
const q = (name: string) => `"${name.replace(/"/g, '""')}"`

export function crowdtangleSelect(rows: number): string {
  const step = Math.max(1, Math.floor(FIVE_YEARS_S / rows))
  const cols: Record<string, string> = {
    'Page Name': `'Bench Hospital ' || p`,
    'User Name': `'benchpage' || p`,
    'Facebook Id': `CAST(100000000000 + p AS VARCHAR)`,
    'Page Category': `'HOSPITAL'`,
    'Page Admin Top Country': `'BR'`,
    'Page Description': `'Public page number ' || p || ' of the benchmark network'`,
    'Page Created': `'2010-05-01 10:00:00'`,
    'Likes at Posting': `CAST(followers - 17 AS VARCHAR)`,
    'Followers at Posting': `CAST(followers AS VARCHAR)`,
    'Post Created': `strftime(ts, '%Y-%m-%d %H:%M:%S') || ' EST'`,
    'Post Created Date': `strftime(ts, '%Y-%m-%d')`,
    'Post Created Time': `strftime(ts, '%H:%M:%S')`,
    Type: `CASE ${h(1, 4)} WHEN 0 THEN 'Photo' WHEN 1 THEN 'Link' WHEN 2 THEN 'Status' ELSE 'Native Video' END`,
    'Total Interactions': dots('total'),
    Likes: `CAST(likes AS VARCHAR)`,
    Comments: `CAST(comments AS VARCHAR)`,
    Shares: `CAST(shares AS VARCHAR)`,
    Love: `CAST(love AS VARCHAR)`,
    Wow: `CAST(wow AS VARCHAR)`,
    Haha: `CAST(haha AS VARCHAR)`,
    Sad: `CAST(sad AS VARCHAR)`,
    Angry: `CAST(angry AS VARCHAR)`,
    Care: `CAST(care AS VARCHAR)`,
    'Video Share Status': `CASE WHEN ${h(1, 4)} = 3 THEN 'owned' END`,
    'Is Video Owner?': `CASE WHEN ${h(1, 4)} = 3 THEN 'Yes' ELSE '-' END`,
    'Post Views': `CAST(CASE WHEN ${h(1, 4)} = 3 THEN ${h(11, 90000)} ELSE 0 END AS VARCHAR)`,
    'Total Views': `CAST(CASE WHEN ${h(1, 4)} = 3 THEN ${h(11, 90000)} + 10 ELSE 0 END AS VARCHAR)`,
    'Total Views For All Crossposts': `CAST(CASE WHEN ${h(1, 4)} = 3 THEN ${h(11, 90000)} + 10 ELSE 0 END AS VARCHAR)`,
    'Video Length': `CASE WHEN ${h(1, 4)} = 3 THEN '00:0' || ${h(12, 10)} || ':34' ELSE 'N/A' END`,
    URL: `'https://www.facebook.com/benchpage' || p || '/posts/' || (3000000000000000 + i)`,
    Message: `'Post ' || i || ' from page ' || p || ': "news" of the week' || chr(10) || repeat('more text ', ${h(13, 12)}::INTEGER) || chr(10) || '#health'`,
    Link: `'https://example.org/a/' || i`,
    'Final Link': `NULL`,
    'Image Text': `CASE WHEN ${h(14, 5)} = 0 THEN 'Image, with text' END`,
    'Link Text': `'Article ' || i`,
    Description: `NULL`,
    'Sponsor Id': `NULL`,
    'Sponsor Name': `NULL`,
    'Sponsor Category': `NULL`,
    'Total Interactions (weighted  —  Likes 1x Shares 1x Comments 1x Love 1x Wow 1x Haha 1x Sad 1x Angry 1x Care 1x )':
      dots('total'),
    'Overperforming Score': `replace(printf('%.2f', ${h(15, 20000)} / 100.0 - 50), '.', ',')`
  }
  const select = CROWDTANGLE_HEADER.map((name) => `${cols[name]} AS ${q(name)}`).join(',\n    ')
  return `WITH base AS (
      SELECT i, i % ${PAGES} AS p, TIMESTAMP '2019-01-01 00:00:00' + to_seconds(i * ${step}) AS ts,
             10000 + (i % ${PAGES}) * 997 + i // ${PAGES * 50} AS followers,
             ${h(2, 2000)} AS likes, ${h(3, 300)} AS comments, ${h(4, 200)} AS shares, ${h(5, 100)} AS love,
             ${h(6, 40)} AS wow, ${h(7, 40)} AS haha, ${h(8, 20)} AS sad, ${h(9, 10)} AS angry, ${h(10, 30)} AS care
      FROM range(${rows}) r(i)
    ), v AS (SELECT *, likes + comments + shares + love + wow + haha + sad + angry + care AS total FROM base)
    SELECT ${select} FROM v`
}

/** Write `rows` rows to `path`; returns the file size in bytes. */
export async function generateCrowdtangleCsv(path: string, rows: number): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:')
  const conn = await instance.connect()
  try {
    const target = `'${path.replace(/'/g, "''")}'`
    await conn.run(`COPY (${crowdtangleSelect(rows)}) TO ${target} (FORMAT csv, HEADER true, DELIMITER ',')`)
  } finally {
    conn.closeSync()
    instance.closeSync()
  }
}
