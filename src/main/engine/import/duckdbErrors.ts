/** DuckDB's reader errors are precise but long; keep the part that names the line and the problem. */
import { AppFailure } from '../../../shared/result'
import {
  csvReadError,
  isAdviceLine,
  isDiskFull,
  isInterrupted,
  isSniffFailure,
  type CsvReadProblem
} from '../db/duckdbMessages'

/** Said the same way wherever it happens (conversion to tmp/, the load, the commit). */
export function diskFullFailure(fileName: string): AppFailure {
  return new AppFailure(
    'IMPORT_FAILED',
    `${fileName}: the disk holding the workspace is full, so the import stopped and nothing was added. Free some disk space, then import again.`
  )
}

export function readerFailure(fileName: string, err: unknown): AppFailure {
  if (err instanceof AppFailure) return err
  const message = err instanceof Error ? err.message : String(err)
  if (isDiskFull(message)) return diskFullFailure(fileName)
  if (isInterrupted(message)) return new AppFailure('CANCELLED', `Import of ${fileName} was cancelled.`)
  if (isSniffFailure(message)) {
    return new AppFailure(
      'IMPORT_FAILED',
      `${fileName}: the table layout (delimiter, quoting, columns) could not be recognised; rows do not have a consistent number of fields. ` +
        'If the file was opened and re-saved in a spreadsheet, export it again from the platform, or choose the delimiter, header row and lines to skip yourself.'
    )
  }
  const csv = csvReadError(message)
  if (csv) {
    const where = csv.line === null ? fileName : `${fileName}, line ${csv.line.toLocaleString('en-US')}`
    return new AppFailure('IMPORT_FAILED', `${where}: ${csvProblemSentence(csv.problem)} Nothing was imported.`)
  }
  // Not a CSV reader's error: its first lines without DuckDB's error type ("Invalid Input Error: ") or advice.
  const firstLines = message
    .split('\n')
    .filter((l) => l.trim() !== '' && !isAdviceLine(l))
    .slice(0, 3)
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/^[A-Za-z ]+ Error: /, '')
    .trim()
  return new AppFailure('IMPORT_FAILED', `${fileName}: ${firstLines.slice(0, 600)}`)
}

/** DuckDB's column types as a user would name the kind of value expected. */
function kindOfValue(type: string): string {
  if (/INT/.test(type)) return 'a whole number'
  if (/DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(type)) return 'a number'
  if (/TIMESTAMP/.test(type)) return 'a date and time'
  if (/DATE/.test(type)) return 'a date'
  if (/BOOL/.test(type)) return 'true or false'
  return `a value of type ${type.toLowerCase()}`
}

/** What went wrong at that line, and what the user can do about it, in one or two sentences. */
export function csvProblemSentence(p: CsvReadProblem): string {
  switch (p.kind) {
    case 'unterminated-quote':
      return 'a quoted value (one that starts with ") is never closed, so the rest of the file would be read as that one value. The file may have been cut off or edited by hand; export it again from the platform.'
    case 'field-count':
      return `this row has ${p.found} fields where the header has ${p.expected}, so its values cannot be put in their columns. A value probably holds an unquoted delimiter; export the file again, or fix that row in a text editor.`
    case 'not-utf8':
      return 'the text there is not valid UTF-8 (the file mixes text encodings, or is partly binary). Save it as UTF-8, or export it again from the platform.'
    case 'line-too-long':
      return `a line is longer than the ${Math.round(p.maxBytes / 1e6).toLocaleString('en-US')} MB one line may hold, which usually means a quote is never closed or the file is not a table.`
    case 'value':
      return `column "${p.column}" holds "${p.value.slice(0, 80)}", which is not ${kindOfValue(p.type)} as the rows before it are.`
    case 'other':
      return `the file could not be read as a table (${p.text || 'the reader gave no reason'}).`
  }
}
