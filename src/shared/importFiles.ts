/**
 * The file types the importer reads, by extension: the one list the open dialog (main/shell/menu.ts), the file
 * input (renderer App.tsx), the drop overlay (DropZone.tsx) and the CLI's help offer. The importer itself decides
 * by content (a ".xls" may be BIFF8, Excel 2003 XML, an .xlsx or text); importFileTypes.test.ts imports a real file
 * of every extension here, and test/structure/importFileTypes.test.ts fails when a client writes its own list.
 */
export const IMPORT_EXTENSIONS = [
  'csv',
  'tsv',
  'txt',
  'json',
  'ndjson',
  'jsonl',
  'js',
  'xlsx',
  'xlsm',
  'xls',
  'xml'
] as const
export type ImportExtension = (typeof IMPORT_EXTENSIONS)[number]

/** The same list as an `<input type="file" accept>` value. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')

/** The open dialog's filters: the exports first, everything as the way out (the importer says what it refuses). */
export const IMPORT_DIALOG_FILTERS: { name: string; extensions: string[] }[] = [
  { name: 'Data exports', extensions: [...IMPORT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] }
]

/** The list in words, for the drop overlay and help texts: ".csv, .tsv, … or .xml". */
export const IMPORT_TYPES_TEXT = `${IMPORT_EXTENSIONS.slice(0, -1)
  .map((e) => `.${e}`)
  .join(', ')} or .${IMPORT_EXTENSIONS[IMPORT_EXTENSIONS.length - 1]}`
