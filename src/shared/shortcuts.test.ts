import { describe, expect, it } from 'vitest'
import {
  acceleratorLabel,
  APP_SHORTCUTS,
  ariaKeyShortcuts,
  LOCAL_KEYS,
  matchesAccelerator,
  type KeyPress
} from './shortcuts'

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods
})

describe('keyboard shortcuts', () => {
  it('gives every view a shortcut, and no two commands the same keys', () => {
    const commands = APP_SHORTCUTS.map((s) => s.command)
    for (const view of ['showDatasets', 'showInstitutions', 'showBenchmarks', 'showQueries'] as const)
      expect(commands).toContain(view)
    const keys = [...APP_SHORTCUTS.map((s) => s.accelerator), ...LOCAL_KEYS.map((k) => k.keys)].map((k) =>
      k.toLowerCase()
    )
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(commands).size).toBe(commands.length)
  })

  it('matches Ctrl or Cmd, and Shift and Alt exactly', () => {
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { ctrlKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { metaKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+1', press('1'))).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+1', press('1', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+Shift+L', press('L', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+Shift+L', press('l', { ctrlKey: true }))).toBe(false)
    expect(matchesAccelerator('CmdOrCtrl+/', press('/', { ctrlKey: true }))).toBe(true)
    expect(matchesAccelerator('CmdOrCtrl+O', press('o', { ctrlKey: true }))).toBe(true)
  })

  it('writes keys for people and for aria-keyshortcuts', () => {
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', false)).toBe('Ctrl+Shift+L')
    expect(acceleratorLabel('CmdOrCtrl+Shift+L', true)).toBe('⌘⇧L')
    expect(acceleratorLabel('Delete', false)).toBe('Delete')
    expect(ariaKeyShortcuts('CmdOrCtrl+2', false)).toBe('Control+2')
    expect(ariaKeyShortcuts('CmdOrCtrl+2', true)).toBe('Meta+2')
  })
})
