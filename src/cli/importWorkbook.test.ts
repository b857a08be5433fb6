import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, it } from 'vitest'

const BIN = resolve(__dirname, '../../bin/socialbench.cjs')
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-cli-xlsx-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('import reports every sheet of a workbook', async () => {
  const wb = new ExcelJS.Workbook()
  const a = wb.addWorksheet('Daily')
  a.addRow(['Day', 'Visits'])
  a.addRow(['1/15/2024', 4])
  wb.addWorksheet('Blank')
  const b = wb.addWorksheet('Pages')
  b.addRow(['Page', 'Views'])
  b.addRow(['/about', 9])
  b.addRow(['/news', 3])
  const file = join(dir, 'SYNTHETIC workbook.xlsx')
  await wb.xlsx.writeFile(file)
  const out = JSON.parse(
    execFileSync('node', [BIN, 'import', '--workspace', join(dir, 'ws'), '--json', file], { encoding: 'utf8' })
  )
  expect(
    out.imports.map((i: Record<string, unknown>) => [i.sheet, i.dataset ?? null, i.rows ?? null, i.skipped ?? null])
  ).toEqual([
    ['Daily', 'SYNTHETIC workbook — Daily', 1, null],
    ['Blank', null, null, 'the sheet is empty'],
    ['Pages', 'SYNTHETIC workbook — Pages', 2, null]
  ])
})
