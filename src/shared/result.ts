/** Error codes that cross the IPC boundary; the renderer branches on these, never on message text. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'IMPORT_FAILED'
  | 'UNSUPPORTED_FILE'
  | 'EMPTY_FILE'
  | 'LINE_TOO_LONG'
  | 'ENCODING'
  | 'DUPLICATE'
  /** A recognised file names no account and none was given (ImportOptions.account, CLI --account). */
  | 'ACCOUNT_REQUIRED'
  /** A file could be from either of two platforms and nothing settles which (ImportOptions.platform, CLI --platform). */
  | 'PLATFORM_REQUIRED'
  | 'CANCELLED'
  | 'SQL_FAILED'
  | 'READ_ONLY_SQL'
  | 'RESULT_TOO_LARGE'
  | 'WORKSPACE_IN_USE'
  | 'WORKSPACE_UNWRITABLE'
  /** The workspace was written by a newer Socialbench (a higher schema version than this one knows). */
  | 'WORKSPACE_TOO_NEW'
  | 'ENGINE_DIED'
  | 'INTERNAL'

/** Where in a query's text DuckDB stopped, 1-based, so the editor can put the cursor there. */
export interface SqlPosition {
  line: number
  column: number
}

export interface AppError {
  code: ErrorCode
  message: string
  /** SQL_FAILED only, when DuckDB points at a place in the query. A field, so no client parses message text. */
  at?: SqlPosition
}

/** Every handler answers with a Result, because a rejected ipcMain.handle only passes `message`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

/** An expected failure: it keeps its code across the boundary. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly at?: SqlPosition
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, at?: SqlPosition): Result<never> => ({
  ok: false,
  error: at ? { code, message, at } : { code, message }
})

/** Turn anything thrown into a Result; unexpected errors become INTERNAL with their message. */
export function toFailure(err: unknown): Result<never> {
  if (err instanceof AppFailure) return fail(err.code, err.message, err.at)
  if (err && typeof err === 'object' && 'code' in err && 'message' in err && isErrorCode((err as AppError).code)) {
    return fail((err as AppError).code, String((err as AppError).message), (err as AppError).at)
  }
  return fail('INTERNAL', err instanceof Error ? err.message : String(err))
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BAD_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'IMPORT_FAILED',
  'UNSUPPORTED_FILE',
  'EMPTY_FILE',
  'LINE_TOO_LONG',
  'ENCODING',
  'DUPLICATE',
  'ACCOUNT_REQUIRED',
  'PLATFORM_REQUIRED',
  'CANCELLED',
  'SQL_FAILED',
  'READ_ONLY_SQL',
  'RESULT_TOO_LARGE',
  'WORKSPACE_IN_USE',
  'WORKSPACE_UNWRITABLE',
  'ENGINE_DIED',
  'INTERNAL'
])
export const isErrorCode = (c: unknown): c is ErrorCode => typeof c === 'string' && CODES.has(c)
