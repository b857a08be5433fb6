import { useState } from 'react'

const SHOWN = 2

/** The result's known gaps (peer set too small, platforms missing, follower gaps), near the charts and never hidden. */
export function Notices({ gaps }: { gaps: string[] }) {
  const [all, setAll] = useState(false)
  if (gaps.length === 0) return null
  const shown = all ? gaps : gaps.slice(0, SHOWN)
  return (
    <section className="bm-notices" data-testid="bm-notices" aria-label="Data notices">
      <h2>
        {gaps.length} data notice{gaps.length === 1 ? '' : 's'}
      </h2>
      <ul>
        {shown.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      {gaps.length > SHOWN && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${gaps.length}`}
        </button>
      )}
    </section>
  )
}
