/** Rewrites the generated blocks of the docs from their sources (see canonicalTables.ts). */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalTablesMarkdown, replaceBlock } from './canonicalTables'

const file = join(import.meta.dirname, '..', '..', 'docs', 'canonical-model.md')
const before = readFileSync(file, 'utf8')
const after = replaceBlock(before, canonicalTablesMarkdown())
if (after !== before) writeFileSync(file, after)
console.log(after === before ? 'docs/canonical-model.md is up to date' : 'rewrote docs/canonical-model.md')
