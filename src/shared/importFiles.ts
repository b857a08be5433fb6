/**
 * The file types the importer reads, by extension, for the open dialog (main/shell/menu.ts) and the file input
 * (renderer App.tsx). The importer itself decides by content (a ".xls" may be BIFF8, Excel 2003 XML, an .xlsx or
 * text); this list only says what to offer.
 */
export const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'js', 'xlsx', 'xlsm', 'xls', 'xml'] as const

/** The same list as an `<input type="file" accept>` value. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')
