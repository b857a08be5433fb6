/**
 * Plain (generic) imports keep the file's values and types. Each fixture is a small synthetic file reproducing one
 * case from public CSV test suites: csv-spectrum and the value cases of Papa Parse's tests/test-cases.js
 * (mholt/PapaParse). The stored table is read back with SQL from the real workspace database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../src/main/engine/invoke'
import { ident } from '../../src/main/engine/db/sql'
import { jobId, openTestWorkspace, type TestWorkspace } from '../support/workspace'
import { databaseForTests } from '../../src/main/engine/engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-plain-')
})
afterEach(() => t.dispose())

async function load(content: string | Buffer, name = 'plain.csv') {
  const r = await invoke(t.engine, 'importFile', {
    path: t.file(name, content),
    jobId: jobId(),
    options: { generic: true }
  })
  const columns = r.dataset.columns
  const rows = await databaseForTests(t.engine).all(`SELECT * FROM ${ident(r.dataset.tableName)} ORDER BY rowid`)
  const types = Object.fromEntries(columns.map((c) => [c.name, c.type]))
  return { r, rows, types, names: columns.map((c) => c.name) }
}

describe('empty fields', () => {
  it('keeps a quoted empty field as an empty string, and an unquoted one as NULL', async () => {
    const { rows, types } = await load('a,b,c\n1,"",\n2,3,4\n')
    expect(types).toEqual({ a: 'BIGINT', b: 'VARCHAR', c: 'BIGINT' })
    expect(rows).toEqual([
      { a: '1', b: '', c: null },
      { a: '2', b: '3', c: '4' }
    ])
  })

  it('reads "" as a missing number when the writer quotes every field (Sprout Social style)', async () => {
    const { rows, types } = await load('"Date","Impressions","Note"\n"2025-03-01","12",""\n"2025-03-02","","x"\n')
    expect(types).toEqual({ Date: 'DATE', Impressions: 'BIGINT', Note: 'VARCHAR' })
    expect(rows.map((r) => r.Impressions)).toEqual(['12', null])
  })

  it('keeps consecutive and trailing empty fields in their columns (Papa: "Multiple consecutive empty fields")', async () => {
    const { rows, names } = await load('a,b,c,d,e,f\nA,B,,,C,D\n,,E,,,F\n')
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
    expect(rows).toEqual([
      { a: 'A', b: 'B', c: null, d: null, e: 'C', f: 'D' },
      { a: null, b: null, c: 'E', d: null, e: null, f: 'F' }
    ])
  })
})

describe('booleans', () => {
  it('keeps a column of t/f letters as text (a blank last field of "f" became false)', async () => {
    const { rows, types } = await load('A,B,C\r\na,b,\r\nd,e,f\r\n')
    expect(types.C).toBe('VARCHAR')
    expect(rows.map((r) => r.C)).toEqual([null, 'f'])
  })

  it('types only the words true/false as BOOLEAN (Papa: "Dynamic typing converts boolean literals")', async () => {
    const { rows, types } = await load('lower,letter,upper,title\ntrue,T,TRUE,True\nfalse,F,FALSE,False\n')
    expect(types).toEqual({ lower: 'BOOLEAN', letter: 'VARCHAR', upper: 'BOOLEAN', title: 'BOOLEAN' })
    expect(rows[1]).toEqual({ lower: false, letter: 'F', upper: false, title: false })
  })
})

describe('headers', () => {
  it('makes duplicate names unique without colliding with an existing name', async () => {
    // DuckDB alone names them c, c_1, c_2, c_1_1: the file's own c_1 column is renamed and its name given to another.
    const { names, rows } = await load('c,c,c,c_1\n1,2,3,4\n')
    expect(names).toEqual(['c', 'c_2', 'c_3', 'c_1'])
    expect(rows[0]).toEqual({ c: '1', c_2: '2', c_3: '3', c_1: '4' })
  })

  it('treats names that differ only in case as repeats (DuckDB names ignore case)', async () => {
    const { names } = await load('Likes,likes,Likes_2\n1,2,3\n')
    expect(names).toEqual(['Likes', 'likes_3', 'Likes_2'])
  })

  it('reads a quoted header cell holding \\r\\n in a file of \\n lines (Papa: carriage return in header)', async () => {
    const { names, rows } = await load('"a\r\na","b"\n"c","d"\n"e","f"\n"g","h"\n"i","j"\n')
    expect(names).toEqual(['a\r\na', 'b'])
    expect(rows.length).toBe(4)
    expect(rows[0]).toEqual({ 'a\r\na': 'c', b: 'd' })
  })

  it('reads a quoted header cell holding \\n in a file of \\r\\n lines', async () => {
    const { names, rows } = await load('"a\na","b"\r\n"c","d"\r\n"e","f"\r\n')
    expect(names).toEqual(['a\na', 'b'])
    expect(rows).toEqual([
      { 'a\na': 'c', b: 'd' },
      { 'a\na': 'e', b: 'f' }
    ])
  })

  it('reads a one-row table under a title line and a blank line, with no final line break', async () => {
    const { names, rows, r } = await load('Report title\n\na,b,c\n1,2,3')
    expect(r.settings.skipRows).toBe(2)
    expect(names).toEqual(['a', 'b', 'c'])
    expect(rows).toEqual([{ a: '1', b: '2', c: '3' }])
  })

  it('strips a UTF-8 BOM from the first column name', async () => {
    const { names, r } = await load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]))
    expect(names).toEqual(['a', 'b'])
    expect(r.settings.hadBom).toBe(true)
  })
})

describe('quoting (Papa Parse value cases)', () => {
  it('keeps whitespace at the edges of unquoted and quoted fields', async () => {
    const { rows } = await load('h1,h2,h3\na,\tb ,c\nA," B  ",C\n')
    expect(rows.map((r) => r.h2)).toEqual(['\tb ', ' B  '])
  })

  it('undoes doubled quotes, at the boundaries and around a delimiter', async () => {
    const { rows } = await load('h1,h2,h3\nA,"B""B""B",C\nA,"""B""",C\nA,""",""",C\nA,",""",C\n')
    expect(rows.map((r) => r.h2)).toEqual(['B"B"B', '"B"', '","', ',"'])
  })

  it('keeps \\r\\n, \\r and \\n inside quoted fields of a \\r\\n file', async () => {
    const { rows } = await load('h1,h2,h3\r\nA,"B\r\nB",C\r\nA,"B\rB",C\r\nA,"B\nB",C\r\n')
    expect(rows.map((r) => r.h2)).toEqual(['B\r\nB', 'B\rB', 'B\nB'])
  })

  it('keeps a stray quote inside an unquoted field as a character', async () => {
    const { rows } = await load('h1,h2,h3\nA,B",C\nA,B "B",C\n')
    expect(rows.map((r) => r.h2)).toEqual(['B"', 'B "B"'])
  })

  it('pads a ragged row with NULLs and says so', async () => {
    const { rows, r } = await load('A,B,C\r\na,b\r\nc,d,e\r\n')
    expect(rows).toEqual([
      { A: 'a', B: 'b', C: null },
      { A: 'c', B: 'd', C: 'e' }
    ])
    expect(r.warnings.join(' ')).toMatch(/fewer fields than the header/)
  })
})

describe('numbers', () => {
  it('keeps leading zeros as text and reads exponents as numbers', async () => {
    const { rows, types } = await load('id,x,y\n001,1e3,2.2\n002,-4e-5,-4.5\n')
    expect(types).toEqual({ id: 'VARCHAR', x: 'DOUBLE', y: 'DOUBLE' })
    expect(rows[1]).toEqual({ id: '002', x: -0.00004, y: -4.5 })
  })

  it('keeps the word NULL as text in a text column (Papa: "NULL" is not empty)', async () => {
    const { rows } = await load('a,b\n1,NULL\n,x\n')
    expect(rows).toEqual([
      { a: '1', b: 'NULL' },
      { a: null, b: 'x' }
    ])
  })
})

describe('a row of column descriptions under the header', () => {
  // The shape of a legacy Facebook Page Insights export (2012-2018): text columns with no description, metric
  // columns described in the row under the names.
  const insights =
    [
      'Post ID,Permalink,Post Message,Type,Posted,Lifetime Post Total Reach,Lifetime Post Total Impressions',
      ',,,,,"Lifetime: The total number of people your Page post was served to. (Unique Users)","Lifetime: The number of impressions of your Page post. (Total Count)"',
      '123_456,https://example.com/p/1,"Hello, world",Photo,03/01/2018 10:00:00 AM,1200,3400',
      '123_457,https://example.com/p/2,Second post,Link,03/02/2018 09:30:00 AM,800,950'
    ].join('\n') + '\n'

  it('leaves the row out, keeps numbers numeric, says so, and keeps the text as column comments', async () => {
    const { rows, types, r } = await load(
      insights,
      'Facebook Insights Data Export (Post Level) - Synthetic Page - 2018-03-05.csv'
    )
    expect(types['Lifetime Post Total Reach']).toBe('BIGINT')
    expect(types['Lifetime Post Total Impressions']).toBe('BIGINT')
    expect(rows.map((x) => x['Post ID'])).toEqual(['123_456', '123_457'])
    expect(rows.map((x) => Number(x['Lifetime Post Total Reach']))).toEqual([1200, 800])
    expect(r.warnings.join(' ')).toMatch(
      /row under the header describes the columns \("Lifetime: The total number of people/
    )
    const comments = await databaseForTests(t.engine).all(
      `SELECT column_name, comment FROM duckdb_columns() WHERE table_name = '${r.dataset.tableName}' AND comment IS NOT NULL ORDER BY column_index`
    )
    expect(comments).toEqual([
      {
        column_name: 'Lifetime Post Total Reach',
        comment: 'Lifetime: The total number of people your Page post was served to. (Unique Users)'
      },
      {
        column_name: 'Lifetime Post Total Impressions',
        comment: 'Lifetime: The number of impressions of your Page post. (Total Count)'
      }
    ])
  })

  it('keeps a first data row that merely has a word in a numeric column', async () => {
    const { rows, r } = await load('city,visits\nNew York,not counted\nParis,12\nRome,7\n')
    expect(rows.map((x) => x.city)).toEqual(['New York', 'Paris', 'Rome'])
    expect(r.warnings.join(' ')).not.toMatch(/describes the columns/)
  })

  it('keeps a first row of sentences when the columns below are text too', async () => {
    const { rows } = await load('title,body\nA long first title,The body of the first post\nSecond,Another body text\n')
    expect(rows.length).toBe(2)
  })
})
