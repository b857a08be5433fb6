import { describe, expect, it } from 'vitest'
import { detectNewline, quotesEveryField, scanRecords } from './headRecords'
import { headerNames } from './columnNames'
import { descriptionRowCandidate } from './descriptionRow'

describe('scanRecords', () => {
  it('gives each field its text with doubled quotes undone, line breaks inside quotes kept', () => {
    const [r] = scanRecords('A,"B""B",",""","x\r\ny"\n', ',', 10)
    expect(r.values).toEqual(['A', 'B"B', ',"', 'x\r\ny'])
    expect(r.end).toBe('\n')
  })

  it('counts the unterminated last record only when the head is the whole file', () => {
    expect(scanRecords('a,b\n1,2', ',', 10).length).toBe(1)
    expect(scanRecords('a,b\n1,2', ',', 10, true).map((r) => r.values)).toEqual([
      ['a', 'b'],
      ['1', '2']
    ])
  })
})

describe('detectNewline', () => {
  it('ignores breaks inside quotes and gives up on a mix', () => {
    expect(detectNewline('"a\r\na",b\nc,d\ne,f\n')).toBe('\n')
    expect(detectNewline('a,b\r\n"x\ny",2\r\n')).toBe('\r\n')
    expect(detectNewline('a,b\r\n1,2\n3,4\r\n')).toBeNull()
  })
})

describe('quotesEveryField', () => {
  it('is true only when every data field is quoted, empty ones included', () => {
    expect(quotesEveryField('Date,Reach\n"2025-01-01","1"\n"2025-01-02",""\n', ',', 1)).toBe(true)
    expect(quotesEveryField('a,b,c\n1,"",""\n2,3,4\n', ',', 1)).toBe(false)
    expect(quotesEveryField('"a","b"\n"1",\n', ',', 1)).toBe(false)
  })
})

describe('headerNames', () => {
  it('keeps every name used once and gives repeats the first free suffix', () => {
    expect(headerNames(['c', 'c', 'c', 'c_1'], ['c', 'c_1', 'c_2', 'c_1_1'])).toEqual(['c', 'c_2', 'c_3', 'c_1'])
    expect(headerNames(['a', '', ''], ['a', 'column1', 'column2'])).toBeNull()
    expect(headerNames(['a', 'b'], ['a', 'b'])).toBeNull()
  })
})

describe('descriptionRowCandidate', () => {
  const records = (text: string) => scanRecords(text, ',', 100, true)
  it('finds sentences over numeric columns', () => {
    const text = 'Date,Reach,Likes\n,"Daily: people reached","Daily: new likes"\n2024-01-01,10,2\n2024-01-02,12,3\n'
    expect(descriptionRowCandidate(records(text), 0)).toEqual(['', 'Daily: people reached', 'Daily: new likes'])
  })

  it('refuses a row holding a number, or one short phrase', () => {
    expect(descriptionRowCandidate(records('a,b\n1,"some words here"\n2,3\n'), 0)).toBeNull()
    expect(descriptionRowCandidate(records('city,visits\nNew York,not counted\nParis,12\n'), 0)).toBeNull()
  })
})
