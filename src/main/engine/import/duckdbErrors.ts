/** DuckDB's reader errors are precise but long; keep the part that names the line and the problem. */
import { AppFailure } from '../../../shared/result'
import { isAdviceLine, isDiskFull, isInterrupted, isSniffFailure } from '../db/duckdbMessages'

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
  const firstLines = message
    .split('\n')
    .filter((l) => l.trim() !== '' && !isAdviceLine(l))
    .slice(0, 3)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  return new AppFailure('IMPORT_FAILED', `${fileName}: ${firstLines.slice(0, 600)}`)
}
