import { useId, useState, type ReactNode } from 'react'

interface NoticeBarProps {
  testId: string
  /** What the notice is about, in one sentence: the heading, and the button that opens the details. */
  heading: string
  /** Who or what it concerns, after the heading on the folded line (cut with an ellipsis when the line is full). */
  gist?: string
  /** The one or two things to do about it, kept on the folded line so they need no extra click. */
  actions?: ReactNode
  /** The full list, shown when the notice is opened. */
  children: ReactNode
}

/**
 * A notice above the charts, folded to one line: the charts are what the view is for, and three notices of four lines
 * each pushed the single chart below the window at 1280x800. The heading says what is wrong and opens the details;
 * nothing is removed, only folded (the details stay in the page, hidden, until opened).
 */
export function NoticeBar({ testId, heading, gist, actions, children }: NoticeBarProps) {
  const [open, setOpen] = useState(false)
  const id = useId()
  return (
    <section
      className={open ? 'bm-notices is-open' : 'bm-notices'}
      data-testid={testId}
      data-open={open}
      aria-labelledby={`${id}-h`}
    >
      <div className="bm-notice-line">
        <h2 id={`${id}-h`} className="bm-notice-heading">
          <button
            type="button"
            className="bm-notice-toggle"
            data-testid="bm-notice-toggle"
            aria-expanded={open}
            aria-controls={`${id}-d`}
            title={open ? undefined : [heading, gist].filter(Boolean).join(': ')}
            onClick={() => setOpen(!open)}
          >
            {heading}
          </button>
        </h2>
        {gist && !open && <span className="bm-notice-gist">{gist}</span>}
        {actions && <span className="bm-notice-actions">{actions}</span>}
      </div>
      <div id={`${id}-d`} className="bm-notice-details" hidden={!open}>
        {children}
      </div>
    </section>
  )
}
