/**
 * The canonical-model channels on a real engine and DuckDB file: institutions, accounts and their assignment,
 * suggestions, rejected rows, privacy defaults, saved column mappings (re-applied to the next file with the same
 * header, and to a dataset already imported), the sample's institutions, and privacy on import.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { headerSignature, INSTITUTION_PALETTE, type ColumnMapping } from '../../../shared/canonical'
import { failureOf, jobId, openTestWorkspace, type TestWorkspace } from '../../../../test/support/workspace'
import { readSampleManifest } from '../loadSample'
import { nameTokens, sharedTokens } from './accounts'
import { databaseForTests } from '../engine'
import { invoke } from '../invoke'

let t: TestWorkspace
beforeEach(async () => {
  t = await openTestWorkspace('sb-canonical-')
})
afterEach(() => t.dispose())

const importPath = (path: string, options = {}) => invoke(t.engine, 'importFile', { path, jobId: jobId(), options })
const all = (sql: string) => databaseForTests(t.engine).all(sql)

const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"'
const xRow = (id: string, handle: string, text: string, time: string, likes: number) =>
  `"${id}","https://twitter.com/${handle}/status/${id}","${text}","${time}","100.0","5.0","1.0","0.0","${likes}.0","0.0"`
const xFile = (name: string, rows: string[]) => t.file(name, [X_HEADER, ...rows].join('\n') + '\n')

describe('institutions', () => {
  it('creates with palette colours in order, renames, recolours, refuses duplicate names, deletes leaving accounts unassigned', async () => {
    const a = await invoke(t.engine, 'createInstitution', { name: 'Quillmere General Hospital', kind: 'hospital' })
    const b = await invoke(t.engine, 'createInstitution', { name: 'Corvale Clinic Network' })
    expect(a).toMatchObject({
      name: 'Quillmere General Hospital',
      color: INSTITUTION_PALETTE[0],
      kind: 'hospital',
      accountCount: 0
    })
    expect(b.color).toBe(INSTITUTION_PALETTE[1])
    expect(
      (await failureOf(invoke(t.engine, 'createInstitution', { name: ' quillmere general hospital ' }))).code
    ).toBe('BAD_INPUT')

    const renamed = await invoke(t.engine, 'updateInstitution', {
      institutionId: b.institutionId,
      name: 'Corvale Clinics',
      color: '#123456'
    })
    expect(renamed).toMatchObject({ name: 'Corvale Clinics', color: '#123456', kind: null })
    expect((await invoke(t.engine, 'listInstitutions')).map((i) => i.name)).toEqual([
      'Corvale Clinics',
      'Quillmere General Hospital'
    ])

    await importPath(xFile('t.csv', [xRow('11', 'QuillmereGH', 'Hello', '2024-01-02 10:00 +0000', 3)]))
    await invoke(t.engine, 'assignAccount', { accountId: 'x:quillmeregh', institutionId: a.institutionId })
    expect(
      (await invoke(t.engine, 'listInstitutions')).find((i) => i.institutionId === a.institutionId)?.accountCount
    ).toBe(1)
    expect(await invoke(t.engine, 'deleteInstitution', { institutionId: a.institutionId })).toMatchObject({
      deleted: true
    })
    expect((await failureOf(invoke(t.engine, 'deleteInstitution', { institutionId: a.institutionId }))).code).toBe(
      'NOT_FOUND'
    )
    const [acc] = await invoke(t.engine, 'listAccounts')
    expect(acc).toMatchObject({ accountId: 'x:quillmeregh', institutionId: null, posts: 1 })
    // Its posts stay too.
    expect(Number((await all(`SELECT count(*) AS n FROM posts`))[0].n)).toBe(1)
    expect((await failureOf(invoke(t.engine, 'updateInstitution', { institutionId: 999, name: 'x' }))).code).toBe(
      'NOT_FOUND'
    )
  })
})

describe('accounts', () => {
  it('lists accounts with post counts and period, assigns, unassigns, and suggests by name', async () => {
    await importPath(
      xFile('x.csv', [
        xRow('1', 'StAureliaKids', 'One', '2024-03-01 09:00 +0000', 2),
        xRow('2', 'StAureliaKids', 'Two', '2024-03-05 23:30 +0000', 4),
        xRow('3', 'HalvernUMC', 'Three', '2024-02-10 12:00 +0000', 1)
      ])
    )
    const accounts = await invoke(t.engine, 'listAccounts')
    expect(accounts).toEqual([
      {
        accountId: 'x:halvernumc',
        platform: 'x',
        handle: 'HalvernUMC',
        displayName: null,
        institutionId: null,
        posts: 1,
        days: 0,
        firstDate: '2024-02-10',
        lastDate: '2024-02-10'
      },
      {
        accountId: 'x:staureliakids',
        platform: 'x',
        handle: 'StAureliaKids',
        displayName: null,
        institutionId: null,
        posts: 2,
        days: 0,
        firstDate: '2024-03-01',
        lastDate: '2024-03-05'
      }
    ])
    const aurelia = await invoke(t.engine, 'createInstitution', { name: "St. Aurelia Children's Hospital" })
    const halvern = await invoke(t.engine, 'createInstitution', { name: 'Halvern University Medical Center' })
    await invoke(t.engine, 'createInstitution', { name: 'Quillmere General Hospital' })
    const suggestions = await invoke(t.engine, 'suggestAssignments')
    expect(suggestions).toEqual([
      {
        accountId: 'x:halvernumc',
        institutionId: halvern.institutionId,
        institutionName: halvern.name,
        matched: ['halvern']
      },
      {
        accountId: 'x:staureliakids',
        institutionId: aurelia.institutionId,
        institutionName: aurelia.name,
        matched: ['aurelia']
      }
    ])
    const assigned = await invoke(t.engine, 'assignAccount', {
      accountId: 'x:staureliakids',
      institutionId: aurelia.institutionId
    })
    expect(assigned.institutionId).toBe(aurelia.institutionId)
    // Assigned accounts are no longer suggested.
    expect((await invoke(t.engine, 'suggestAssignments')).map((s) => s.accountId)).toEqual(['x:halvernumc'])
    expect(
      (await invoke(t.engine, 'assignAccount', { accountId: 'x:staureliakids', institutionId: null })).institutionId
    ).toBeNull()
    expect(
      (await failureOf(invoke(t.engine, 'assignAccount', { accountId: 'x:nobody', institutionId: null }))).code
    ).toBe('NOT_FOUND')
    expect(
      (await failureOf(invoke(t.engine, 'assignAccount', { accountId: 'x:halvernumc', institutionId: 999 }))).code
    ).toBe('NOT_FOUND')
  })

  it('tokenises handles and names', () => {
    expect(nameTokens('StAureliaKids')).toEqual(['st', 'aurelia', 'kids'])
    expect(nameTokens("St. Aurelia Children's Hospital")).toEqual(['st', 'aurelia', 'childrens', 'hospital'])
    expect(sharedTokens('Veltrix Medical Devices', { handle: 'VeltrixMed', displayName: null })).toEqual(['veltrix'])
    // Generic words alone never match.
    expect(sharedTokens('General Hospital', { handle: 'GeneralHospitalNews', displayName: null })).toEqual([])
  })
})

describe('rejected rows', () => {
  it('pages through the rows an import could not load, with row numbers and reasons', async () => {
    const r = await importPath(
      xFile('bad.csv', [
        xRow('1', 'CorvaleClinics', 'ok', '2024-01-01 10:00 +0000', 1),
        xRow('2', 'CorvaleClinics', 'bad', 'yesterday', 1),
        xRow('3', 'CorvaleClinics', 'bad too', 'soon', 1)
      ])
    )
    expect(r.recognition?.rowsRejected).toBe(2)
    const page = await invoke(t.engine, 'listRejects', { importId: r.dataset.id, offset: 0, limit: 1 })
    expect(page).toEqual({ total: 2, rows: [{ row: 2, reason: 'unreadable time "yesterday"' }] })
    expect((await invoke(t.engine, 'listRejects', { importId: r.dataset.id, offset: 1, limit: 10 })).rows).toEqual([
      { row: 3, reason: 'unreadable time "soon"' }
    ])
  })
})

describe('privacy defaults', () => {
  it('starts at keep/keep, is saved, and is what an import without its own choice uses', async () => {
    expect(await invoke(t.engine, 'getPrivacyDefaults')).toEqual({ text: 'keep', people: 'keep' })
    expect(await invoke(t.engine, 'setPrivacyDefaults', { text: 'drop', people: 'hash' })).toEqual({
      text: 'drop',
      people: 'hash'
    })
    expect(await invoke(t.engine, 'getPrivacyDefaults')).toEqual({ text: 'drop', people: 'hash' })
    await importPath(xFile('x.csv', [xRow('1', 'VeltrixMed', 'write to a@b.example', '2024-01-01 10:00 +0000', 1)]))
    expect(await all(`SELECT text FROM posts`)).toEqual([{ text: null }])
  })
})

describe('column mappings', () => {
  const header = 'Page,Post ID,Posted,Message,Likes,Shares,Commenter'
  const mapping: ColumnMapping = {
    platform: 'facebook',
    kind: 'posts',
    account: 'Page',
    postId: 'Post ID',
    publishedAt: 'Posted',
    text: 'Message',
    people: ['Commenter'],
    metrics: { likes: 'Likes', shares: 'Shares' }
  }

  it('imports an unknown file as generic, maps it afterwards, and recognises the next file with that header', async () => {
    const first = t.file(
      'mine-jan.csv',
      `${header}\nLakeTessalyHospital,p1,2024-01-03 08:00,Hi,"1,200",3,Ann\nLakeTessalyHospital,p2,2024-01-04 09:30,Yo,7,,Bob\n`
    )
    const r1 = await importPath(first)
    expect(r1.recognition).toBeNull()
    const sig = headerSignature(r1.dataset.columns.map((c) => c.name))
    expect(sig).toBe('page|post id|posted|message|likes|shares|commenter')
    expect(await invoke(t.engine, 'getMapping', { headerSignature: sig })).toBeNull()
    await invoke(t.engine, 'saveMapping', { headerSignature: sig, mapping })
    expect(await invoke(t.engine, 'getMapping', { headerSignature: sig })).toEqual(mapping)

    const applied = await invoke(t.engine, 'applyMapping', { datasetId: r1.dataset.id })
    expect(applied).toMatchObject({
      format: 'column-mapping',
      platform: 'facebook',
      posts: { new: 2, updated: 0, unchanged: 0 },
      rowsRejected: 0
    })
    expect(
      await all(`SELECT account_id, post_id, likes, shares, published_at::VARCHAR AS at FROM posts ORDER BY post_id`)
    ).toEqual([
      {
        account_id: 'facebook:laketessalyhospital',
        post_id: 'p1',
        likes: '1200',
        shares: '3',
        at: '2024-01-03 08:00:00+00'
      },
      {
        account_id: 'facebook:laketessalyhospital',
        post_id: 'p2',
        likes: '7',
        shares: null,
        at: '2024-01-04 09:30:00+00'
      }
    ])
    expect((await invoke(t.engine, 'listDatasets')).find((d) => d.id === r1.dataset.id)).toMatchObject({
      recognizedFormat: 'column-mapping',
      platform: 'facebook'
    })

    // The next export with the same header (columns in other case/spacing) is recognised by the saved mapping.
    const second = t.file(
      'mine-feb.csv',
      `${header.toUpperCase().replace('POST ID', 'Post  Id')}\nLakeTessalyHospital,p2,2024-01-04 09:30,Yo,9,1,Bob\nLakeTessalyHospital,p3,2024-02-01 10:00,New,2,0,Cy\n`
    )
    const preview = await invoke(t.engine, 'previewImport', { path: second })
    expect(preview.recognized).toMatchObject({ format: 'column-mapping', platform: 'facebook', needsAccount: false })
    const r2 = await importPath(second)
    expect(r2.recognition).toMatchObject({ format: 'column-mapping', posts: { new: 1, updated: 1, unchanged: 0 } })
    expect(Number((await all(`SELECT sum(likes) AS s FROM posts`))[0].s)).toBe(1200 + 9 + 2)
    // A generic import stays generic on request.
    const r3 = await invoke(t.engine, 'importFile', {
      path: second,
      jobId: jobId(),
      allowDuplicate: true,
      options: { generic: true }
    })
    expect(r3.recognition).toBeNull()
  })

  it('maps daily metrics with a day column and the account given at import', async () => {
    const sig = headerSignature(['Date', 'Fans'])
    await invoke(t.engine, 'saveMapping', {
      headerSignature: sig,
      mapping: { platform: 'instagram', kind: 'daily', day: 'Date', metrics: { followers: 'Fans' } }
    })
    const r = await importPath(t.file('fans.csv', 'Date,Fans\n2024-05-01,100\n2024-05-02,N/A\n2024-05-03,105\n'), {
      account: '@FernhollowPharmacy'
    })
    expect(r.recognition).toMatchObject({
      format: 'column-mapping',
      needsAccount: true,
      daily: { new: 3, updated: 0, unchanged: 0 }
    })
    expect(await all(`SELECT account_id, day::VARCHAR AS day, followers FROM account_daily ORDER BY day`)).toEqual([
      { account_id: 'instagram:fernhollowpharmacy', day: '2024-05-01', followers: '100' },
      { account_id: 'instagram:fernhollowpharmacy', day: '2024-05-02', followers: null },
      { account_id: 'instagram:fernhollowpharmacy', day: '2024-05-03', followers: '105' }
    ])
  })

  it('refuses a mapping without its key column, and applying one that does not exist', async () => {
    expect(
      (await invoke(t.engine, 'importFile', { path: t.file('a.csv', 'a,b\n1,2\n'), jobId: jobId() })).recognition
    ).toBeNull()
    const ds = (await invoke(t.engine, 'listDatasets'))[0]
    expect((await failureOf(invoke(t.engine, 'applyMapping', { datasetId: ds.id }))).code).toBe('NOT_FOUND')
  })
})

describe('privacy on import', () => {
  // Fake personal data only: invented addresses on reserved domains and numbers from fictional ranges.
  const header = 'Page,Post ID,Posted,Message,Likes,Commenter'
  const rows = [
    'CorvaleClinics,c1,2024-01-01 10:00,"Thanks @jane_doe! Mail ann.smith@mail.example or call +1 555 010 9999",4,Ann Smith',
    'CorvaleClinics,c2,2024-01-02 10:00,"Ask @bob_r at bob@corp.example, tel (555) 010-1234",2,Bob Roe',
    'CorvaleClinics,c3,2024-01-03 10:00,Plain news,1,'
  ]
  const secrets = [
    'jane_doe',
    'ann.smith@mail.example',
    '555 010 9999',
    'bob_r',
    'bob@corp.example',
    '010-1234',
    'Ann Smith',
    'Bob Roe'
  ]
  const mapping: ColumnMapping = {
    platform: 'facebook',
    kind: 'posts',
    account: 'Page',
    postId: 'Post ID',
    publishedAt: 'Posted',
    text: 'Message',
    people: ['Commenter'],
    metrics: { likes: 'Likes' }
  }
  const everything = async (table: string) =>
    JSON.stringify([...(await all(`SELECT * FROM ${table}`)), ...(await all(`SELECT * FROM posts`))])

  it.each([
    ['redact', 'hash'],
    ['drop', 'drop']
  ] as const)(
    'text %s, people %s: neither the raw table nor posts hold what was removed, and the report counts it',
    async (text, people) => {
      await invoke(t.engine, 'saveMapping', { headerSignature: headerSignature(header.split(',')), mapping })
      const r = await importPath(t.file('comments.csv', `${header}\n${rows.join('\n')}\n`), {
        privacy: { text, people }
      })
      expect(r.recognition?.format).toBe('column-mapping')
      const stored = await everything(r.dataset.tableName)
      for (const s of secrets) expect(stored).not.toContain(s)
      const redactions = Object.fromEntries(r.recognition!.redactions.map((x) => [x.kind, x.count]))
      if (text === 'redact') {
        expect(redactions).toEqual({ 'e-mail address': 2, 'phone number': 2, '@handle': 2, 'Commenter: hashed': 2 })
        const texts = (await all(`SELECT text FROM posts ORDER BY post_id`)).map((x) => x.text)
        expect(texts).toEqual([
          'Thanks @[handle]! Mail [email] or call [phone]',
          'Ask @[handle] at [email], tel [phone]',
          'Plain news'
        ])
        const hashed = (await all(`SELECT "Commenter" AS c FROM ${r.dataset.tableName} ORDER BY rowid`)).map((x) => x.c)
        expect(hashed[0]).toMatch(/^person-[0-9a-f]{12}$/)
        expect(hashed[2]).toBeNull()
      } else {
        expect(redactions).toEqual({ 'Message: text dropped': 3, 'Commenter: dropped': 2 })
        expect(await all(`SELECT count(*) AS n FROM posts WHERE text IS NOT NULL`)).toEqual([{ n: '0' }])
      }
      // The metrics are untouched by privacy.
      expect(Number((await all(`SELECT sum(likes) AS s FROM posts`))[0].s)).toBe(7)
    }
  )
})

describe('the built-in sample', () => {
  it('creates the manifest’s eight institutions and assigns the sample accounts to them by platform and handle', async () => {
    await invoke(t.engine, 'loadSample')
    const manifest = await readSampleManifest()
    const institutions = await invoke(t.engine, 'listInstitutions')
    expect(institutions).toHaveLength(8)
    for (const m of manifest.institutions ?? []) {
      expect(institutions).toContainEqual(expect.objectContaining({ name: m.name, color: m.colour, kind: m.kind }))
    }
    const byId = new Map(institutions.map((i) => [i.institutionId, i.name]))
    const accounts = await invoke(t.engine, 'listAccounts')
    expect(accounts.length).toBeGreaterThan(0)
    // Every account the sample produced belongs to the institution whose manifest handle it carries.
    for (const a of accounts) {
      const owner = manifest.institutions?.find((m) =>
        Object.entries(m.handles ?? {}).some(
          ([p, hdl]) =>
            p === a.platform &&
            (a.accountId === `${p}:${hdl.toLowerCase()}` || a.handle?.toLowerCase() === hdl.toLowerCase())
        )
      )
      expect({
        account: a.accountId,
        institution: a.institutionId === null ? null : byId.get(a.institutionId)
      }).toEqual({
        account: a.accountId,
        institution: owner?.name ?? null
      })
    }
    // At least the six X accounts (the X recognizer is always there).
    expect(accounts.filter((a) => a.platform === 'x' && a.institutionId !== null)).toHaveLength(6)
    // Loading again does not duplicate institutions.
    await invoke(t.engine, 'loadSample')
    expect(await invoke(t.engine, 'listInstitutions')).toHaveLength(8)
  }, 180_000)
})
