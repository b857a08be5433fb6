/**
 * What real exports do to the dashboard, as SYNTHETIC fixtures written here with each export's header: CrowdTangle
 * posts carry followers at posting but no reach; Meta Business Suite post exports carry reach but no followers; and
 * one institution's export is two years older than the others'. The dashboard must say which institution the chosen
 * convention cannot rate and offer the ones that would, and must name what its default range leaves out.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures/app'
import type { Harness } from './server/server'
import { BenchmarksPage } from './pages/BenchmarksPage'
import { axeFindings } from './support/axe'

const DAY = 86_400_000
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

async function call<T>(harness: Harness, channel: string, input: unknown): Promise<T> {
  const r = await harness.engine.call(channel as never, input as never)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** CrowdTangle search export rows: the fixture's header, and its first row with page, date and counts replaced. */
async function crowdTangle(pages: { name: string; handle: string; id: string; followers: number }[]): Promise<string> {
  const [header, first] = (
    await readFile(join(__dirname, 'fixtures/data/2024-03-06-10-00-00-EST-search-csv-export.csv'), 'utf8')
  ).split('\n')
  const cols = header.split(',')
  const at = (name: string) => cols.indexOf(name)
  const rows: string[] = []
  pages.forEach((p, pi) => {
    for (let i = 0; i < 24; i++) {
      const cells = first.split(',')
      const t = Date.UTC(2025, 0, 3) + i * 7 * DAY + pi * 3_600_000
      const interactions = 200 + ((i * 53 + pi * 31) % 170)
      cells[at('Page Name')] = p.name
      cells[at('User Name')] = p.handle
      cells[at('Facebook Id')] = p.id
      cells[at('Followers at Posting')] = String(p.followers + i * 40)
      cells[at('Post Created')] = `${iso(t)} 10:00:00 EST`
      cells[at('Post Created Date')] = iso(t)
      cells[at('Total Interactions')] = String(interactions)
      cells[at('Likes')] = String(interactions)
      cells[at('Comments')] = '0'
      cells[at('Shares')] = '0'
      cells[at('URL')] = `https://www.facebook.com/${p.handle}/posts/9${pi}00000000${String(i).padStart(3, '0')}`
      rows.push(cells.join(','))
    }
  })
  return [header, ...rows].join('\n')
}

const META_HEADER =
  '"Post ID","Page ID","Page name",Title,Description,"Duration (sec)","Publish time","Caption type",Permalink,"Is crosspost","Is share","Post type",Languages,"Custom labels","Funded content status","Data comment",Date,Views,Reach,"Reactions, Comments and Shares",Reactions,Comments,Shares,"Total clicks",Views,"Other Clicks","Link Clicks"'

/** A Meta Business Suite Facebook posts export: reach and interactions per post, no follower count anywhere. */
function metaPosts(pageId: string, pageName: string, start: number, n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const d = new Date(start + i * 6 * DAY)
    const when = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()} 09:30`
    const id = `${pageId.slice(-4)}${String(i).padStart(6, '0')}`
    const reach = 900 + ((i * 71) % 400)
    const inter = 30 + ((i * 13) % 40)
    return `${id},${pageId},"${pageName}","Post ${i}",,0,"${when}",N/A,https://www.facebook.com/${pageId}/posts/${id},No,No,Photos,,,,,Lifetime,${reach + 200},${reach},${inter},${inter},0,0,0,${reach + 200},0,0`
  })
  return '\uFEFF' + [META_HEADER, ...rows].join('\n')
}

/**
 * Aster Hospital and Birch Clinic (CrowdTangle, Jan–Jun 2025), Cedar Care (Meta posts, same months) and Dunmore
 * Infirmary (Meta posts, Jan–Apr 2023 only).
 */
async function realWorkspace(harness: Harness, dir: (name: string) => string): Promise<void> {
  const files: [string, string][] = [
    [
      '2025-07-01-10-00-00-EST-search-csv-export.csv',
      await crowdTangle([
        { name: 'Aster Hospital', handle: 'AsterHospital', id: '100000000000101', followers: 40_000 },
        { name: 'Birch Clinic', handle: 'BirchClinic', id: '100000000000102', followers: 12_000 }
      ])
    ],
    ['Jan-01-2025_Jun-30-2025_2222.csv', metaPosts('100000000000103', 'Cedar Care', Date.UTC(2025, 0, 4), 28)],
    ['Jan-01-2023_Apr-30-2023_3333.csv', metaPosts('100000000000104', 'Dunmore Infirmary', Date.UTC(2023, 0, 5), 18)]
  ]
  for (const [name, content] of files) {
    await writeFile(dir(name), content)
    await call(harness, 'importFile', { path: dir(name), jobId: `e2e-${name}`, options: { timeZone: 'UTC' } })
  }
  const accounts = await call<{ accountId: string; displayName: string | null }[]>(harness, 'listAccounts', undefined)
  for (const name of ['Aster Hospital', 'Birch Clinic', 'Cedar Care', 'Dunmore Infirmary']) {
    const inst = await call<{ institutionId: number }>(harness, 'createInstitution', { name })
    const account = accounts.find((a) => a.displayName === name)
    if (!account) throw new Error(`no account named ${name}: ${JSON.stringify(accounts)}`)
    await call(harness, 'assignAccount', { accountId: account.accountId, institutionId: inst.institutionId })
  }
}

test('a convention without a denominator for an institution says so and offers the ones that work', async ({
  page,
  harness
}, testInfo) => {
  test.setTimeout(120_000)
  await realWorkspace(harness, (name) => testInfo.outputPath(name))
  await page.reload()
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
  await bm.preset().selectOption('all')
  await expect(bm.status()).toContainText('2023-01-05 to')

  // Followers at post time: the Meta institutions have none; reach would rate them. Folded to one line, the notice
  // names them and offers the conventions that rate both; opened, it says per institution.
  const bar = page.getByTestId('bm-convention-notices')
  await expect(bar.getByTestId('bm-convention-try')).toHaveText(['Try ‘by reach’', 'Try ‘by views’'])
  await expect(bar).toContainText('Cedar Care, Dunmore Infirmary')
  await bar.getByTestId('bm-notice-toggle').click()
  const notices = page.getByTestId('bm-convention-notice')
  await expect(notices).toHaveCount(2)
  await expect(notices.first()).toBeVisible()
  const cedar = page.locator('[data-testid="bm-convention-notice"][data-name="Cedar Care"]')
  await expect(cedar).toHaveText('Cedar Care: no follower count in range — try ‘by reach’ or ‘by views’')
  await expect(page.locator('[data-testid="bm-convention-notice"][data-name="Dunmore Infirmary"]')).toContainText(
    'no follower count in range'
  )

  // The button switches the convention; under reach the CrowdTangle institutions are the ones without a rate.
  await cedar.getByRole('button', { name: '‘by reach’' }).click()
  await expect(bm.convention()).toHaveValue('reach')
  const aster = page.locator('[data-testid="bm-convention-notice"][data-name="Aster Hospital"]')
  await expect(aster).toHaveText(
    'Aster Hospital: no reach on its posts — try ‘by followers at post time’ or ‘by average audience’'
  )
  await expect(notices).toHaveCount(2)
  await aster.getByRole('button', { name: '‘by average audience’' }).focus()
  await page.keyboard.press('Enter')
  await expect(bm.convention()).toHaveValue('avg_followers')

  // The notices' and charts' headings follow the view's h1 without skipping a level (axe heading-order), light and dark.
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByTestId('theme-toggle').click()
    const rules = (await axeFindings(page)).map((f) => `${f.rule} (${f.impact})`)
    expect(
      rules.filter((r) => r.startsWith('heading-order')),
      theme
    ).toEqual([])
  }
})

test('the default range names the institutions it leaves out; range, convention, peers and platforms reopen', async ({
  app,
  page,
  harness
}, testInfo) => {
  test.setTimeout(150_000)
  await realWorkspace(harness, (name) => testInfo.outputPath(name))
  await page.reload()
  const bm = new BenchmarksPage(page)
  await bm.nav().click()
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })

  // Last 12 months ends on the peer set's latest day: Dunmore's 2023 export is out, and the dashboard says so.
  await expect(bm.preset()).toHaveValue('last12m')
  const dunmoreEnd = iso(Date.UTC(2023, 0, 5) + 17 * 6 * DAY)
  const notices = page.getByTestId('bm-range-notices')
  await expect(notices.getByRole('heading')).toHaveText(/^1 institution has no data from \d{4}-\d{2}-\d{2} to 2025-06-/)
  await expect(page.getByTestId('bm-range-notice')).toHaveText(
    `Dunmore Infirmary: data from 2023-01-05 to ${dunmoreEnd} — show 2023-01-05 to ${dunmoreEnd}`
  )
  // Its own range shows it (and now the others are the ones left out) ...
  await expect(page.getByTestId('bm-range-show')).toBeHidden()
  await notices.getByTestId('bm-notice-toggle').click()
  await page.getByTestId('bm-range-show').click()
  await expect(bm.preset()).toHaveValue('custom')
  await expect(bm.from()).toHaveValue('2023-01-05')
  await expect(bm.to()).toHaveValue(dunmoreEnd)
  await expect(page.getByTestId('bm-range-notice')).toHaveCount(3)
  // ... and all time shows everyone.
  await page.getByTestId('bm-range-all').click()
  await expect(bm.preset()).toHaveValue('all')
  await expect(notices).toHaveCount(0)
  await expect(bm.status()).toContainText('2023-01-05 to 2025-06-')

  // Choose a convention, a peer set and a platform; they come back on reopening the view and after a reload.
  await bm.convention().selectOption('reach')
  await bm.institution('Birch Clinic').locator('input').uncheck()
  await bm.platform('facebook').click()
  await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false')
  await expect(bm.status()).not.toContainText('Updating')
  const restored = async () => {
    await expect(bm.dashboard()).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 })
    await expect(bm.preset()).toHaveValue('all')
    await expect(bm.convention()).toHaveValue('reach')
    await expect(bm.institution('Birch Clinic').locator('input')).not.toBeChecked()
    await expect(bm.institution('Aster Hospital').locator('input')).toBeChecked()
    await expect(bm.platform('facebook')).toHaveAttribute('aria-pressed', 'true')
    await expect(bm.status()).toContainText('2023-01-05 to 2025-06-')
  }
  await app.navDatasets().click()
  await expect(bm.view()).toHaveCount(0)
  await bm.nav().click()
  await restored()
  await page.reload()
  await bm.nav().click()
  await restored()
})
