/**
 * The canonical tables' columns as markdown, written from the spec in src/shared/canonical.ts into the block of
 * docs/canonical-model.md between the markers below. test/docs/canonicalTables.test.ts fails when the file's block
 * is not what this renders; `npm run docs:generate` rewrites it.
 */
import { CANONICAL_TABLES, type CanonicalColumn } from '../../src/shared/canonical'

export const BEGIN = '<!-- canonical-columns: generated from src/shared/canonical.ts by npm run docs:generate -->'
export const END = '<!-- /canonical-columns -->'

const ROLE: Record<CanonicalColumn['role'], string> = {
  key: 'required: a row without it is rejected',
  value: 'from the export',
  metric: 'count from the export',
  import: 'the import that last changed the row',
  attribute: '',
  derived: 'derived from the text when the post is written'
}

function table(name: string, columns: readonly CanonicalColumn[]): string {
  const rows = columns.map((c) => {
    const what = [ROLE[c.role], c.note].filter(Boolean).join('; ')
    return `| \`${c.name}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${what} |`
  })
  return [`### \`${name}\``, '', '| column | type | NULL | what |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

/** The block's content, markers included. */
export function canonicalTablesMarkdown(): string {
  const tables = Object.entries(CANONICAL_TABLES).map(([name, cols]) => table(name, cols))
  return [BEGIN, '', ...tables.flatMap((t) => [t, '']), END].join('\n')
}

/** The text with its block replaced by `block`; throws when the markers are missing. */
export function replaceBlock(text: string, block: string): string {
  const from = text.indexOf(BEGIN)
  const to = text.indexOf(END)
  if (from < 0 || to < from) throw new Error(`docs/canonical-model.md has no ${BEGIN} … ${END} block`)
  return text.slice(0, from) + block + text.slice(to + END.length)
}
