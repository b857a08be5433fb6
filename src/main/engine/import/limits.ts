/** Guards against absurd input: a file of these shapes is refused with a clear error, not an out-of-memory crash. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024
/** A JSON document (not NDJSON) is parsed as one value; bigger ones are refused. */
export const MAX_JSON_DOCUMENT_BYTES = 1024 * 1024 * 1024
export const HEAD_BYTES = 64 * 1024
export const PREVIEW_ROWS = 50
