/**
 * Every DuckDB error text the engine recognises, in one place. DuckDB has no error codes beyond its coarse types
 * (Binder, Conversion, IO...), so the engine reads its messages; a DuckDB upgrade that rewords one must fail a test
 * (duckdbMessages.test.ts provokes each real error) instead of silently changing what an import or a query does.
 * Callers decide what a match means; this module only says what DuckDB said.
 */

const textOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/**
 * `conn.interrupt()` landed: "INTERRUPT Error: Interrupted!" (a cancel, never a fault of the file). Matched on
 * DuckDB's error type, case and all: IO errors quote the file's path, and "interrupted_posts.csv" is not a cancel.
 */
export const isInterrupted = (err: unknown): boolean => /\bINTERRUPT Error\b/.test(textOf(err))

/**
 * The disk is full: DuckDB's "IO Error: Could not write file …: No space left on device", Node's ENOSPC, and the
 * quota variants of both.
 */
export const isDiskFull = (err: unknown): boolean =>
  /ENOSPC|No space left on device|disk is full|EDQUOT|quota exceeded/i.test(textOf(err))

/** The CSV sniffer gave up: "Error when sniffing file … It was not possible to automatically detect the CSV …". */
export const isSniffFailure = (err: unknown): boolean =>
  /Error when sniffing file|not possible to automatically detect the CSV/i.test(textOf(err))

/**
 * A row has fewer fields than the header ("Expected Number of Columns: 3 Found: 2"), or the sniffer suggests
 * "Enable null padding (null_padding=true)": a padded read can take the file. Not the bare word: every CSV
 * conversion error lists its reader settings, "null_padding = 0" among them, and was taken for a short row.
 */
export const isShortRow = (err: unknown): boolean =>
  /null_padding=true|Expected Number of Columns|too few columns/i.test(textOf(err))

/** A value did not fit its column's type ("Conversion Error: … Could not convert string 'x' to INT32"). */
export const isConversionError = (err: unknown): boolean =>
  /Conversion Error|Could not convert|could not be cast/i.test(textOf(err))

/** The CSV column a conversion failed in: `Error when converting column "a".`, or null. */
export const convertingColumn = (err: unknown): string | null =>
  /converting column "([^"]+)"/.exec(textOf(err))?.[1] ?? null

/**
 * The column a statement named that its FROM does not have: `Referenced column "x" not found in FROM clause!`,
 * or `Column "x" referenced that exists in the SELECT clause - but … before it is defined`. Null otherwise.
 */
export const missingColumn = (err: unknown): string | null => {
  const m = textOf(err)
  const found =
    /Referenced column (?:"([^"]+)"|(\S+)) not found/i.exec(m) ??
    /Column "([^"]+)" referenced that exists in the SELECT clause/i.exec(m)
  return found ? (found[1] ?? found[2]) : null
}

/** The table a statement named that does not exist: "Catalog Error: Table with name x does not exist!". */
export const missingTable = (err: unknown): string | null =>
  /Table with name (\S+) does not exist/.exec(textOf(err))?.[1] ?? null

/**
 * Another process holds the database file: `Could not set lock on file "…": Conflicting lock is held in …`, or
 * Windows' "being used by another process". Not the bare word, which a path ("lockdown.csv") or "block" holds.
 */
export const isLockConflict = (err: unknown): boolean =>
  /Could not set lock|Conflicting lock|being used by another process/i.test(textOf(err))

/** The file system refused: "IO Error: Cannot open file "…": Permission denied", a read-only mount, EACCES/EROFS. */
export const isPermissionDenied = (err: unknown): boolean =>
  /permission denied|read-only file system|EACCES|EROFS/i.test(textOf(err))

/**
 * The sandbox's locked configuration refused a file or network access: "Permission Error: Cannot access file … -
 * file system operations are disabled by configuration".
 */
export const isRefusedByConfiguration = (err: unknown): boolean =>
  /Permission Error|disabled by configuration/.test(textOf(err))

/**
 * Lines of a DuckDB reader error that are advice or context rather than the problem ("Possible Solution",
 * "* Set delimiter…", "DuckDB Version", "Original Line"): left out of what a user is told.
 */
export const isAdviceLine = (line: string): boolean =>
  /^\s*(Possible Solution|Possible fixes|\* |DuckDB Version|Original Line)/i.test(line)

/** What the CSV reader could not take in a file, in DuckDB's words sorted into the kinds a user can act on. */
export type CsvReadProblem =
  | { kind: 'unterminated-quote' }
  | { kind: 'field-count'; expected: number; found: number }
  | { kind: 'not-utf8' }
  | { kind: 'line-too-long'; maxBytes: number }
  | { kind: 'value'; column: string; value: string; type: string }
  | { kind: 'other'; text: string }

/**
 * A CSV reader error: "Invalid Input Error: CSV Error on Line: 3" (or "Conversion Error: CSV Error on Line: 3"),
 * then "Original Line: …" and the problem ("Value with unterminated quote found.", "Expected Number of Columns: 2
 * Found: 3", "Invalid unicode (byte sequence mismatch) detected.", "Maximum line size of 10 bytes exceeded.",
 * `Error when converting column "b". Could not convert string "x" to 'INTEGER'`). The line number DuckDB counts
 * (from 1, the header included) and the problem, or null for an error that is not a CSV reader's.
 */
export function csvReadError(err: unknown): { line: number | null; problem: CsvReadProblem } | null {
  const text = textOf(err)
  const at = /CSV Error on Line: (\d+)/.exec(text)
  if (!at) return null
  const line = Number(at[1])
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text)
  const cast = /converting column "([^"]+)"\. Could not convert string "(.*?)" to '?([A-Z0-9_ ]+)'?/.exec(text)
  const size = /Maximum line size of (\d+) bytes exceeded/.exec(text)
  let problem: CsvReadProblem
  if (/unterminated quote/i.test(text)) problem = { kind: 'unterminated-quote' }
  else if (columns) problem = { kind: 'field-count', expected: Number(columns[1]), found: Number(columns[2]) }
  else if (/Invalid unicode|not utf-8 encoded/i.test(text)) problem = { kind: 'not-utf8' }
  else if (size) problem = { kind: 'line-too-long', maxBytes: Number(size[1]) }
  else if (cast) problem = { kind: 'value', column: cast[1], value: cast[2], type: cast[3] }
  else {
    // The problem is the first line after the "CSV Error on Line" and "Original Line" lines, without advice.
    const rest = text
      .split('\n')
      .filter((l) => l.trim() !== '' && !/CSV Error on Line|^\s*Original Line/.test(l) && !isAdviceLine(l))
    problem = { kind: 'other', text: (rest[0] ?? '').replace(/^[A-Za-z ]+ Error: /, '').trim() }
  }
  return { line, problem }
}

/**
 * DuckDB's parser refused the text. Its first line reads "Parser Error: syntax error at or near "FROM"", "Parser
 * Error: syntax error at end of input" or "Parser Error: unterminated quoted string at or near "'abc"" (extractStatements
 * puts "Failed to extract statements: " in front). What went wrong, and the token it stopped at (null when the text
 * ended first), or null for any other error.
 */
export function parserError(err: unknown): { problem: string; near: string | null; atEnd: boolean } | null {
  const first = textOf(err).split('\n')[0]
  // Anchored at the start: other errors quote user text, and a column may be named "Parser Error: x".
  const m = /^(?:Failed to extract statements: )?Parser Error: (.+?)(?: at or near "(.*)"| (at end of input))?$/.exec(
    first
  )
  if (!m) return null
  return { problem: m[1], near: m[2] ?? null, atEnd: m[3] !== undefined }
}

/**
 * `json_serialize_sql` reports a parse error's place as "position": an offset into the text counted in code points
 * (an emoji is one, where JavaScript counts two), unlike the caret under "LINE n:", which non-ASCII text shifts.
 */
export function positionAtOffset(sql: string, codePoints: number): { line: number; column: number } | null {
  if (!Number.isInteger(codePoints) || codePoints < 0) return null
  const before = Array.from(sql).slice(0, codePoints).join('')
  const lines = before.split('\n')
  return { line: lines.length, column: lines[lines.length - 1].length + 1 }
}

/**
 * Where DuckDB points in the statement: it marks the spot as "LINE n: <text>" with a caret line below. Long lines
 * are shown trimmed with "..." in front, so the shown text is found in the real line to get the real column.
 */
export function errorPosition(err: unknown, sql: string): { line: number; column: number } | null {
  const lines = textOf(err).split('\n')
  const at = lines.findIndex((l) => /^LINE \d+: /.test(l))
  if (at < 0 || !lines[at + 1]?.includes('^')) return null
  const line = Number(/^LINE (\d+): /.exec(lines[at])![1])
  const prefix = /^LINE \d+: /.exec(lines[at])![0].length
  const shown = lines[at].slice(prefix)
  let column = lines[at + 1].indexOf('^') - prefix + 1
  const real = sql.split('\n')[line - 1] ?? ''
  if (shown.startsWith('...')) {
    const offset = real.indexOf(shown.slice(3, 40))
    if (offset >= 0) column = offset + column - 3
  }
  return { line, column: Math.max(1, column) }
}
