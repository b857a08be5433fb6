/**
 * "Map columns…" can name a file's language column: an export Socialbench does not know still gives its posts a
 * language, written as topics compare languages ("es-MX" is "es"; "und" none), so keywords per language meet them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { headerSignature, type ColumnMapping } from '../../../shared/canonical'
import { jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { databaseForTests } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-mapped-lang-')
})
afterEach(() => t.dispose())

const HEADER = 'Page,Post ID,Posted,Message,Lang,Likes'
const mapping: ColumnMapping = {
  platform: 'facebook',
  kind: 'posts',
  account: 'Page',
  postId: 'Post ID',
  publishedAt: 'Posted',
  text: 'Message',
  language: 'Lang',
  metrics: { likes: 'Likes' }
}

describe('a mapped language column', () => {
  it('lands as posts.language, and the topic report meets it with that language’s keywords', async () => {
    await invoke(t.engine, 'saveMapping', { headerSignature: headerSignature(HEADER.split(',')), mapping })
    const file = t.file(
      'posts.csv',
      `${HEADER}\nClinicaSol,p1,2024-01-03 08:00,La gripe llega,es-MX,10\nClinicaSol,p2,2024-01-04 09:30,Influencia,es,5\n` +
        `ClinicaSol,p3,2024-01-05 09:30,flu season,und,7\nClinicaSol,p4,2024-01-06 09:30,flu shots,EN,3\n`
    )
    const r = await invoke(t.engine, 'importFile', { path: file, jobId: jobId(), options: {} })
    expect(r.recognition?.format).toBe('column-mapping')
    expect(await databaseForTests(t.engine).all(`SELECT post_id, language FROM posts ORDER BY post_id`)).toEqual([
      { post_id: 'p1', language: 'es' },
      { post_id: 'p2', language: 'es' },
      { post_id: 'p3', language: null },
      { post_id: 'p4', language: 'en' }
    ])
    const inst = await invoke(t.engine, 'createInstitution', { name: 'Clínica Sol' })
    await invoke(t.engine, 'assignAccount', {
      accountId: r.recognition!.accounts[0].accountId,
      institutionId: inst.institutionId
    })
    await invoke(t.engine, 'saveTopic', {
      name: 'flu',
      keywords: [],
      languages: [
        { language: 'en', keywords: ['flu'] },
        { language: 'es', keywords: ['gripe'] }
      ]
    })
    const report = await invoke(t.engine, 'topicReport', {
      request: { institutionIds: [inst.institutionId], convention: 'followers_at_post' }
    })
    // p1 (Spanish "gripe"), p3 (no language: every language's keywords), p4 (English "flu"); not p2, whose
    // "Influencia" holds the English "flu" but is Spanish.
    expect(report.institutions[0].topics[0].posts).toBe(3)
  })
})
