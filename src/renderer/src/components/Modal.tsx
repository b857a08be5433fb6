import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useLatest } from './useLatest'
import { focusableIn, trapTab } from './focusTrap'

interface ModalProps {
  title: string
  testId: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  /** Wider layout for dialogs with tables. */
  size?: 'small' | 'large'
  /** Escape and the backdrop do nothing while this is true (e.g. an import is running). */
  locked?: boolean
  role?: 'dialog' | 'alertdialog'
}

/** Open dialogs, innermost last: only the innermost one answers keys (a confirmation over the deck builder). */
const openModals: HTMLElement[] = []

/**
 * An accessible modal: labelled by its title, focus moves in on open and back to the opener on close,
 * Tab is trapped inside, Escape closes.
 */
export function Modal({
  title,
  testId,
  onClose,
  children,
  footer,
  size = 'small',
  locked,
  role = 'dialog'
}: ModalProps) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const onCloseRef = useLatest(onClose)
  const lockedRef = useLatest(locked)

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const root = ref.current
    if (!root) return
    // Registered before focusing, so a dialog under this one does not pull the focus back.
    openModals.push(root)
    // The preferred control may be disabled at first (Import, while the preview loads): focus() on it does nothing.
    const items = focusableIn(root)
    ;(items.find((el) => el.hasAttribute('data-autofocus')) ?? items[0] ?? root).focus()
    // On the document, not the dialog: when the focused control inside is removed (a button that disappears on
    // click), focus falls to <body> and a handler on the dialog would miss Escape and Tab.
    const onKey = (e: KeyboardEvent) => {
      if (openModals[openModals.length - 1] !== root) return
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        if (!lockedRef.current) onCloseRef.current()
        return
      }
      trapTab(e, root)
    }
    // Focus that escapes anyway (a click on the backdrop, a programmatic focus) is pulled back in.
    const onFocusIn = (e: FocusEvent) => {
      if (openModals[openModals.length - 1] !== root || root.contains(e.target as Node)) return
      ;(focusableIn(root)[0] ?? root).focus()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('focusin', onFocusIn)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('focusin', onFocusIn)
      openModals.splice(openModals.indexOf(root), 1)
      // Give focus back to whatever opened us, if it is still in the page.
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [onCloseRef, lockedRef])

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !locked && onClose()}>
      <div
        ref={ref}
        className={`modal modal-${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
      >
        {/* Plain divs, not <header>/<footer>: those would add a second banner and contentinfo landmark. */}
        <div className="modal-header">
          <h2 id={titleId}>{title}</h2>
        </div>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-footer">{footer}</div>}
      </div>
    </div>
  )
}
