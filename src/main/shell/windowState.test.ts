import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadWindowState, restorableBounds, saveWindowState } from './windowState'

const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }]

describe('restorableBounds', () => {
  it('restores a window that is on a display', () => {
    const bounds = { x: 100, y: 100, width: 1200, height: 800 }
    expect(restorableBounds({ bounds, maximized: false }, screen)).toEqual(bounds)
  })

  it('drops a window left on an unplugged monitor', () => {
    const bounds = { x: 2500, y: 100, width: 1200, height: 800 }
    expect(restorableBounds({ bounds, maximized: false }, screen)).toBeNull()
  })

  it('drops a window whose title bar is above the screen', () => {
    const bounds = { x: 100, y: -700, width: 1200, height: 800 }
    expect(restorableBounds({ bounds, maximized: false }, screen)).toBeNull()
  })

  it('drops silly sizes and missing state', () => {
    expect(restorableBounds({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, screen)).toBeNull()
    expect(restorableBounds(null, screen)).toBeNull()
  })
})

describe('load/save', () => {
  it('round-trips and ignores damaged files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-ws-'))
    try {
      const file = join(dir, 'sub', 'window-state.json')
      expect(loadWindowState(file)).toBeNull()
      const state = { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true }
      saveWindowState(file, state)
      expect(loadWindowState(file)).toEqual(state)
      writeFileSync(file, '{"bounds": "nope"')
      expect(loadWindowState(file)).toBeNull()
      writeFileSync(file, '{"bounds": {"x": "1"}, "maximized": false}')
      expect(loadWindowState(file)).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
