import { describe, expect, it } from 'vitest'
import { guessParamType } from './queries'

describe("a new parameter's input type", () => {
  it('is a number where the SQL uses it as one', () => {
    expect(guessParamType('factor', `SELECT range * $factor AS scaled FROM range(12)`)).toBe('number')
    expect(guessParamType('k', `SELECT * FROM posts LIMIT $k`)).toBe('number')
    expect(guessParamType('w', `SELECT $w::DOUBLE * 2`)).toBe('number')
    expect(guessParamType('w', `SELECT CAST($w AS INTEGER)`)).toBe('number')
    expect(guessParamType('bump', `SELECT likes + $bump FROM posts`)).toBe('number')
  })

  it('is a date where it is cast to one, and text otherwise', () => {
    expect(guessParamType('since', `SELECT 1`)).toBe('date')
    expect(guessParamType('cutoff', `SELECT * FROM posts WHERE published_at >= $cutoff::DATE`)).toBe('date')
    expect(guessParamType('pattern', `SELECT * FROM posts WHERE text ILIKE $pattern`)).toBe('text')
    // A '$x * 2' inside a string or a comment is not a use.
    expect(guessParamType('label', `SELECT $label AS l -- $label * 2\n, '$label * 3'`)).toBe('text')
    expect(guessParamType('a', `SELECT $ab * 2, $a`)).toBe('text')
  })
})
