/** The landing warning's cause: the reason most rejected rows share, without their quoted values or long ids. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { landingWarnings } from './landingWarnings'
import { databaseForTests } from '../engine'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-landing-')
})
afterEach(() => t.dispose())

describe('landingWarnings', () => {
  it('groups reasons that differ only by an id (Meta\'s "content with ID 9335…" rows) and picks the commonest', async () => {
    const w = await databaseForTests(t.engine).write(async (conn) => {
      await conn.run(`CREATE TEMP TABLE stage_rejects AS SELECT * FROM (VALUES
        (3::BIGINT, 'no Post ID: An error occurred while computing metadata for content with ID 933528094972880.'),
        (9::BIGINT, 'unreadable date "Someday"'),
        (37::BIGINT, 'no Post ID: An error occurred while computing metadata for content with ID 1060108855304716.')) v(_row, _reject)`)
      return landingWarnings(conn, { rowsRead: 44, rowsRejected: 3, rowsLanded: 41 })
    })
    expect(w).toEqual([
      {
        code: 'rows-rejected',
        cause: 'no Post ID: An error occurred while computing metadata for content with ID …',
        examples: [
          {
            row: 3,
            reason: 'no Post ID: An error occurred while computing metadata for content with ID 933528094972880.'
          },
          {
            row: 37,
            reason: 'no Post ID: An error occurred while computing metadata for content with ID 1060108855304716.'
          }
        ],
        message:
          '3 rows of 44 (6.8%) rejected (no Post ID: An error occurred while computing metadata for content with ID …), e.g. row 3: no Post ID: An error occurred while computing metadata for content with ID 933528094972880; row 37: no Post ID: An error occurred while computing metadata for content with ID 1060108855304716.'
      }
    ])
  })

  it('says nothing landed when a format skipped every row without rejecting any', async () => {
    const w = await databaseForTests(t.engine).write((conn) =>
      landingWarnings(conn, { rowsRead: 300, rowsRejected: 0, rowsLanded: 0 })
    )
    expect(w.map((x) => [x.code, x.message])).toEqual([
      [
        'nothing-landed',
        'Nothing reached the benchmark tables: 300 rows read, no row had a value the benchmark tables hold (the notes say why).'
      ]
    ])
  })
})
