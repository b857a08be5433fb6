import { acceleratorLabel, ariaKeyShortcuts, shortcutFor, type AppCommand } from '../../../../shared/shortcuts'

const MAC = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac')

/** "Ctrl+1" (or "⌘1" on a Mac) for an accelerator of the shared list. */
export const keyLabel = (accelerator: string): string => acceleratorLabel(accelerator, MAC)

/** A control's title with its shortcut, e.g. "Datasets (Ctrl+1)", and its aria-keyshortcuts. */
export function withShortcut(command: AppCommand, title: string): { title: string; 'aria-keyshortcuts'?: string } {
  const s = shortcutFor(command)
  if (!s) return { title }
  return { title: `${title} (${keyLabel(s.accelerator)})`, 'aria-keyshortcuts': ariaKeyShortcuts(s.accelerator, MAC) }
}
