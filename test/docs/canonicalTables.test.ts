/**
 * docs/canonical-model.md's table of columns is the one the spec renders (scripts/docs/canonicalTables.ts), so the
 * docs cannot drift from src/shared/canonical.ts. On a failure, run `npm run docs:generate`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { POSTS_COLUMNS } from '../../src/shared/canonical'
import { BEGIN, END, canonicalTablesMarkdown } from '../../scripts/docs/canonicalTables'

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'canonical-model.md'), 'utf8')

describe('docs/canonical-model.md', () => {
  it('holds the columns table rendered from the spec (npm run docs:generate)', () => {
    const block = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length)
    expect(block, 'the generated block is missing').toContain(BEGIN)
    expect(block).toBe(canonicalTablesMarkdown())
  })

  it('renders every spec column with its type', () => {
    for (const c of POSTS_COLUMNS) expect(canonicalTablesMarkdown()).toContain(`| \`${c.name}\` | ${c.type} |`)
  })
})
