/**
 * The importable file types are listed once (src/shared/importFiles.ts). Each client that offers them, the Electron
 * open dialog, the renderer's file input, the drop overlay and the CLI's help, must read that list, and no source
 * file may write a list of its own (the menu once lacked .jsonl, the file input .js, both .xlsx). The engine side,
 * that every listed type really imports, is src/main/engine/import/importFileTypes.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  IMPORT_ACCEPT,
  IMPORT_DIALOG_FILTERS,
  IMPORT_EXTENSIONS,
  IMPORT_TYPES_TEXT
} from '../../src/shared/importFiles'

const ROOT = join(import.meta.dirname, '..', '..')
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8')

/** Each client and the expression by which it must offer the shared list. */
const CLIENTS: [file: string, use: string][] = [
  ['src/main/shell/menu.ts', 'filters: IMPORT_DIALOG_FILTERS'],
  ['src/renderer/src/App.tsx', 'accept={IMPORT_ACCEPT}'],
  ['src/renderer/src/features/import/DropZone.tsx', '{IMPORT_TYPES_TEXT}'],
  ['src/cli/commands.ts', '${IMPORT_TYPES_TEXT}']
]

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
}

// Three import extensions in a row, as a literal list or a phrase: '.csv,.tsv,.json', 'csv', 'tsv', 'json',
// "CSV, TSV, JSON", "CSV/TSV/JSON". (Two in a row is the export formats' "CSV, XLSX or Parquet".)
const ext = (names: string) => `(?:\\.|'|")?(?:${names})(?:'|")?`
const run = (names: string) => `\\b${ext(names)}\\s*[,/]\\s*${ext(names)}\\s*[,/]\\s*${ext(names)}\\b`
const OWN_LIST = new RegExp(`${run(IMPORT_EXTENSIONS.join('|'))}|${run(IMPORT_EXTENSIONS.join('|').toUpperCase())}`)

describe('the importable file types, one list', () => {
  it.each(CLIENTS)('%s offers the shared list (%s)', (file, use) => {
    const text = read(file)
    expect(text).toMatch(/from '(\.\.\/)+shared\/importFiles'/)
    expect(text).toContain(use)
  })

  it('no source file outside shared/importFiles.ts writes its own list of import types', () => {
    const offenders = ['src', 'e2e/server']
      .flatMap(sources)
      .filter((f) => f !== join('src', 'shared', 'importFiles.ts'))
      .flatMap((f) =>
        read(f)
          .split('\n')
          .map((line, i) => [f, i + 1, line] as const)
      )
      // Comments may name formats (the CLI says which generic format a file was read as); code offers them.
      .filter(([, , line]) => !/^\s*(\/\/|\*|\/\*)/.test(line) && OWN_LIST.test(line))
      .map(([f, n, line]) => `${f}:${n}: ${line.trim()}`)
    expect(offenders).toEqual([])
  })

  it('the dialog filter, the accept value and the words all hold every extension', () => {
    expect(IMPORT_DIALOG_FILTERS[0].extensions).toEqual([...IMPORT_EXTENSIONS])
    expect(IMPORT_ACCEPT.split(',')).toEqual(IMPORT_EXTENSIONS.map((e) => `.${e}`))
    for (const e of IMPORT_EXTENSIONS) expect(IMPORT_TYPES_TEXT).toMatch(new RegExp(`\\.${e}\\b`))
  })
})
