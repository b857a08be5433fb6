// @vitest-environment happy-dom
/**
 * The import dialog's account choice for a file that names none: existing accounts of the file's platform are
 * offered first, a new name can be typed, and Import stays blocked (missingIdentity) until one is chosen.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../../../shared/canonical'
import type { FileIdentity, ImportOptions, ImportPreview, Platform } from '../../../../shared/types'
import { ImportIdentityFields, missingIdentity } from './ImportIdentityFields'

afterEach(cleanup)

const identity = (patch: Partial<FileIdentity>): FileIdentity => ({
  account: null,
  accountRequired: true,
  platform: 'youtube',
  platforms: ['youtube'],
  platformRequired: false,
  platformReason: null,
  ...patch
})
const preview = (id: FileIdentity, platform: Platform = 'youtube') =>
  ({
    fileName: 'Table data.csv',
    recognized: { format: 'youtube-table-data', label: 'YouTube', platform, needsAccount: true },
    identity: id
  }) as ImportPreview
const account = (accountId: string, platform: AccountSummary['platform'], handle: string): AccountSummary => ({
  accountId,
  platform,
  handle,
  displayName: null,
  institutionId: null,
  posts: 3,
  days: 0,
  firstDate: null,
  lastDate: null
})
const ACCOUNTS = [
  account('x:northfield', 'x', 'Northfield'),
  account('youtube:channela', 'youtube', 'ChannelA'),
  account('youtube:channelb', 'youtube', 'ChannelB')
]

function show(p: ImportPreview, options: ImportOptions = {}) {
  const patches: ImportOptions[] = []
  render(
    createElement(ImportIdentityFields, {
      preview: p,
      options,
      accounts: ACCOUNTS,
      disabled: false,
      onChange: (x: ImportOptions) => patches.push(x)
    })
  )
  return patches
}

describe('ImportIdentityFields', () => {
  it('offers the existing accounts of the file’s platform only, and passes the chosen one on', () => {
    const patches = show(preview(identity({})))
    const select = screen.getByTestId('import-account-existing') as HTMLSelectElement
    const labels = [...select.options].map((o) => o.textContent)
    expect(labels).toEqual([
      'Choose an account…',
      'ChannelA · YouTube · 3 posts, 0 days',
      'ChannelB · YouTube · 3 posts, 0 days',
      'A new account…'
    ])
    fireEvent.change(select, { target: { value: 'youtube:channelb' } })
    expect(patches).toEqual([{ account: 'youtube:channelb' }])
  })

  it('takes a new name instead', () => {
    const patches = show(preview(identity({})))
    fireEvent.change(screen.getByTestId('import-account-existing'), { target: { value: '__new__' } })
    const input = screen.getByTestId('import-account') as HTMLInputElement
    fireEvent.change(input, { target: { value: 'Quillmere General' } })
    fireEvent.blur(input)
    expect(patches.at(-1)).toEqual({ account: 'Quillmere General' })
  })

  it('asks the platform of a Meta series whose title names none', () => {
    const p = preview(
      identity({
        platform: null,
        platforms: ['facebook', 'instagram'],
        platformRequired: true,
        platformReason: 'the title "Reach" names no platform'
      }),
      'facebook'
    )
    const patches = show(p)
    expect(screen.getByText(/Platform \(the title "Reach" names no platform\)/)).toBeTruthy()
    fireEvent.change(screen.getByTestId('import-platform'), { target: { value: 'instagram' } })
    expect(patches).toEqual([{ platform: 'instagram' }])
  })

  it('blocks Import until the account (and an open platform) is chosen', () => {
    const open = preview(identity({ platformRequired: true, platforms: ['facebook', 'instagram'] }), 'facebook')
    expect(missingIdentity(open, {})).toBe('Choose the account this file belongs to.')
    expect(missingIdentity(open, { account: 'Clinic' })).toBe('Choose the platform of this file.')
    expect(missingIdentity(open, { account: 'Clinic', platform: 'instagram' })).toBeNull()
    expect(missingIdentity(preview(identity({ account: 'Polylog', accountRequired: false })), {})).toBeNull()
  })

  it('a stacked Meta file (a Facebook and an Instagram series) asks one account per platform', () => {
    const stacked = preview(identity({ platform: null, platforms: ['facebook', 'instagram'] }), 'facebook')
    const accounts = [
      account('facebook:1032418', 'facebook', '1032418'),
      account('instagram:mh4u', 'instagram', 'mh4u')
    ]
    const patches: ImportOptions[] = []
    const props = (options: ImportOptions) => ({
      preview: stacked,
      options,
      accounts,
      disabled: false,
      onChange: (x: ImportOptions) => patches.push(x)
    })
    const { rerender } = render(createElement(ImportIdentityFields, props({})))
    const facebook = screen.getByTestId('import-account-existing-facebook') as HTMLSelectElement
    // Each chooser offers its own platform's accounts only.
    expect([...facebook.options].map((o) => o.value)).toEqual(['', 'facebook:1032418', '__new__'])
    fireEvent.change(facebook, { target: { value: 'facebook:1032418' } })
    expect(patches.at(-1)).toEqual({ account: 'facebook:1032418' })
    expect(missingIdentity(stacked, { account: 'facebook:1032418' })).toBe('Choose the Instagram account of this file.')

    rerender(createElement(ImportIdentityFields, props({ account: 'facebook:1032418' })))
    fireEvent.change(screen.getByTestId('import-account-existing-instagram'), { target: { value: '__new__' } })
    const name = screen.getByTestId('import-account-instagram') as HTMLInputElement
    fireEvent.change(name, { target: { value: 'mh4u.ukraine' } })
    fireEvent.blur(name)
    // One choice the engine reads per platform (metaChoices): "facebook:<page>, instagram:<handle>".
    expect(patches.at(-1)).toEqual({ account: 'facebook:1032418, instagram:mh4u.ukraine' })
    expect(missingIdentity(stacked, patches.at(-1)!)).toBeNull()
    expect(missingIdentity(stacked, {})).toBe('Choose the Facebook and the Instagram account of this file.')
  })
})
