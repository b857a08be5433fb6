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

/**
 * An accessible modal: labelled by its title, focus moves in on open and back to the opener on close,
 * Tab is trapped inside, Escape closes.
 */
export function Modal({ title, testId, onClose, children, footer, size = 'small', locked, role = 'dialog' }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const onCloseRef = useLatest(onClose)

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const root = ref.current
    if (root) {
      const preferred = root.querySelector<HTMLElement>('[data-autofocus]')
      ;(preferred ?? focusableIn(root)[0] ?? root).focus()
    }
    return () => {
      // Give focus back to whatever opened us, if it is still in the page.
      if (opener && document.contains(opener)) opener.focus()
    }
  }, [])

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
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            if (!locked) onCloseRef.current()
            return
          }
          if (ref.current) trapTab(e, ref.current)
        }}
      >
        <header className="modal-header">
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-footer">{footer}</footer>}
      </div>
    </div>
  )
}
