import { describe, expect, it } from 'vitest'
import { isWrappedCsv, lineUnwrapper, unquoteLine, unwrapText } from './unwrapLines'

describe('unwrapLines', () => {
  it('unquotes a line that is one quoted field and refuses one that holds several', () => {
    expect(unquoteLine('"Post ID,""Account ID"",Views"')).toBe('Post ID,"Account ID",Views')
    expect(unquoteLine('"Post ID","Account ID"')).toBeNull()
    expect(unquoteLine('plain,line')).toBeNull()
    expect(unquoteLine('"""quoted"""')).toBe('"quoted"')
  })

  it('detects a wrapped head but not a normal quoted header', () => {
    expect(isWrappedCsv('"Post ID,""Account ID"",Views"\n"1,""a"",3"\n')).toBe(true)
    expect(isWrappedCsv('"Post ID","Account ID",Views\n1,"a",3\n')).toBe(false)
    expect(isWrappedCsv('"just one title"\n"Date","Primary"\n')).toBe(false)
  })

  it('restores multi-line captions whose continuation lines were left bare, across chunk boundaries', () => {
    const wrapped = '"id,""caption"",views"\n"1,""first line"\n\nbare middle line\n"last line"",10"\n'
    const original = 'id,"caption",views\n1,"first line\n\nbare middle line\nlast line",10\n'
    expect(unwrapText(wrapped)).toBe(original)
    const map = lineUnwrapper()
    const out = [wrapped.slice(0, 17), wrapped.slice(17, 40), wrapped.slice(40)]
      .map((c, i, a) => map(c, i === a.length - 1))
      .join('')
    expect(out).toBe(original)
  })
})
