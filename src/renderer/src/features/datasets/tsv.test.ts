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
})
