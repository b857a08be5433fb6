/**
 * Every keyboard shortcut, written once: the Electron menu takes its accelerators from here, the renderer matches
 * key presses against the same list (the browser has no menu), and the shortcut sheet lists it. Accelerators use
 * Electron's syntax (https://www.electronjs.org/docs/latest/api/accelerator).
 */

/** The app-wide commands a menu item or a shortcut can run. */
export type AppCommand =
  | 'import'
  | 'undo'
  | 'showDatasets'
  | 'showInstitutions'
  | 'showBenchmarks'
  | 'showQueries'
  | 'showEvents'
  | 'toggleTheme'
  | 'shortcuts'
  | 'about'

export interface AppShortcut {
  command: AppCommand
  /** What it does, as the menu and the sheet say it. */
  label: string
  accelerator: string
  /** The menu it sits in. */
  menu: 'File' | 'Edit' | 'View' | 'Help'
  /**
   * The menu shows the key but leaves it to the page: in Electron on Windows and Linux a registered accelerator takes
   * the key before the page sees it, and the SQL editor needs Ctrl+/ to comment lines.
   */
  pageFirst?: boolean
}

export const APP_SHORTCUTS: readonly AppShortcut[] = [
  { command: 'import', label: 'Import…', accelerator: 'CmdOrCtrl+O', menu: 'File' },
  // Page first: in a text field or the SQL editor the key undoes typing; elsewhere it undoes the last delete, merge...
  { command: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z', menu: 'Edit', pageFirst: true },
  { command: 'showDatasets', label: 'Datasets', accelerator: 'CmdOrCtrl+1', menu: 'View' },
  { command: 'showInstitutions', label: 'Institutions', accelerator: 'CmdOrCtrl+2', menu: 'View' },
  { command: 'showBenchmarks', label: 'Benchmarks', accelerator: 'CmdOrCtrl+3', menu: 'View' },
  { command: 'showQueries', label: 'Queries', accelerator: 'CmdOrCtrl+4', menu: 'View' },
  { command: 'showEvents', label: 'Events', accelerator: 'CmdOrCtrl+5', menu: 'View' },
  { command: 'toggleTheme', label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+L', menu: 'View' },
  { command: 'shortcuts', label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', menu: 'Help', pageFirst: true }
]

/** Keys that act inside one view or control; listed in the sheet, handled where they apply (not in the menu). */
export const LOCAL_KEYS: readonly { keys: string; label: string; where: string }[] = [
  { keys: '?', label: 'Keyboard shortcuts', where: 'Outside text fields' },
  { keys: 'Escape', label: 'Close the dialog or menu', where: 'Dialogs and menus' },
  { keys: 'Delete', label: 'Delete the selected dataset', where: 'Datasets' },
  { keys: 'F2', label: 'Rename the selected dataset', where: 'Datasets' },
  { keys: 'CmdOrCtrl+Enter', label: 'Run the query (the selection if there is one)', where: 'SQL editor' },
  { keys: 'CmdOrCtrl+S', label: 'Save the query', where: 'SQL editor' }
]

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/**
 * Whether a key press is the accelerator. CmdOrCtrl takes either key (Cmd on a Mac, Ctrl elsewhere, and a Mac user
 * in the browser may press either); Shift and Alt must match exactly, so Ctrl+Shift+1 is not Ctrl+1.
 */
export function matchesAccelerator(accelerator: string, e: KeyPress): boolean {
  const parts = accelerator.split('+')
  // "CmdOrCtrl+/" splits cleanly; a "+" key itself would be written "Plus" in Electron's syntax.
  const key = parts.pop() ?? ''
  const mods = new Set(parts.map((p) => p.toLowerCase()))
  const wantsMod = mods.has('cmdorctrl') || mods.has('commandorcontrol')
  if (wantsMod !== (e.ctrlKey || e.metaKey)) return false
  if (mods.has('shift') !== e.shiftKey) return false
  if (mods.has('alt') !== e.altKey) return false
  return e.key.toLowerCase() === key.toLowerCase()
}

/** How an accelerator is written for people: "Ctrl+1" on Windows and Linux, "⌘1" on a Mac. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((p) => {
    const lower = p.toLowerCase()
    if (lower === 'cmdorctrl' || lower === 'commandorcontrol') return mac ? '⌘' : 'Ctrl'
    if (lower === 'shift') return mac ? '⇧' : 'Shift'
    if (lower === 'alt') return mac ? '⌥' : 'Alt'
    return p
  })
  return parts.join(mac ? '' : '+')
}

/** The same accelerator for aria-keyshortcuts, which wants the web's key names ("Control+1", "Meta+1"). */
export function ariaKeyShortcuts(accelerator: string, mac: boolean): string {
  return accelerator
    .split('+')
    .map((p) => {
      const lower = p.toLowerCase()
      if (lower === 'cmdorctrl' || lower === 'commandorcontrol') return mac ? 'Meta' : 'Control'
      return p
    })
    .join('+')
}

export function shortcutFor(command: AppCommand): AppShortcut | undefined {
  return APP_SHORTCUTS.find((s) => s.command === command)
}
