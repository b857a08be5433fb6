/**
 * When a recognised file cannot be mapped: what the user is told. A recognizer's failure never takes the import
 * down (importer.ts keeps the file as a plain dataset); this turns the failure into a specific reason, naming the
 * format and the missing field, without passing on DuckDB's own message (which is logged, not shown).
 */
import type { UnmappedExport } from '../../../shared/types'
import { missingColumn } from '../db/duckdbMessages'
import { describeMissing, resolveFields, UnmappedFileError, type MissingField } from './fields'
import type { Recognizer } from './types'

const MAP_HINT = 'Use "Map columns…" (or import the file again once it is mapped) to say which column holds what.'

/** Required fields of the recognizer's field table that `columns` lack (none when it declares no table). */
export function missingFields(recognizer: Recognizer, columns: string[]): MissingField[] {
  return recognizer.fields ? resolveFields(recognizer.fields, columns).missing : []
}

/** A column the mapping referenced that the file does not have, from DuckDB's binder error, if that was the cause. */
function referencedColumn(err: unknown): string | null {
  return missingColumn(err)
}

export function unmappedExport(recognizer: Recognizer, fileName: string, err: unknown): UnmappedExport {
  const referenced = referencedColumn(err)
  const missing: MissingField[] =
    err instanceof UnmappedFileError ? err.missing : referenced ? [{ field: referenced, names: [referenced] }] : []
  const what = missing.length
    ? `it has no ${missing.map(describeMissing).join(', and no ')}`
    : 'its columns could not be mapped onto posts or daily rows (the format’s mapping failed on this file)'
  return {
    format: recognizer.id,
    label: recognizer.label,
    platform: recognizer.platform,
    missing,
    message: `${fileName} looks like ${recognizer.label}, but ${what}; it was imported as a plain table, with no posts or daily rows. ${MAP_HINT}`
  }
}

/** The preview's version: said before importing, from the field table alone. */
export function previewUnmapped(recognizer: Recognizer, fileName: string, columns: string[]): UnmappedExport | null {
  const missing = missingFields(recognizer, columns)
  if (!missing.length) return null
  const u = unmappedExport(recognizer, fileName, new UnmappedFileError(missing))
  return {
    ...u,
    message: u.message.replace('it was imported as a plain table', 'it will be imported as a plain table')
  }
}
