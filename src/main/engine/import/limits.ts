/** Guards against absurd input: a file of these shapes is refused with a clear error, not an out-of-memory crash. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024
/**
 * DuckDB's CSV buffer. Its default is 16x max_line_size: 256 MB with our line limit, read in full by every sniff and
 * every LIMIT of a plan (seven per import; on a 480 MB export 0.2-0.4 s of CPU each, 0.05 s at this size). Twice the
 * line limit is DuckDB's own default ratio at its default line size (32 MB for 2 MB), and a record of up to the
 * line limit still crosses buffer boundaries correctly; one barely over the line limit does not (measured).
 */
export const CSV_BUFFER_BYTES = 2 * MAX_LINE_BYTES
/** A JSON document (not NDJSON) is parsed as one value; bigger ones are refused. */
export const MAX_JSON_DOCUMENT_BYTES = 1024 * 1024 * 1024
export const HEAD_BYTES = 64 * 1024
export const PREVIEW_ROWS = 50
