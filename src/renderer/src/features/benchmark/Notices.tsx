import { NoticeBar } from './NoticeBar'

/** The result's known gaps (peer set too small, platforms missing, follower gaps), near the charts, one line folded. */
export function Notices({ gaps }: { gaps: string[] }) {
  if (gaps.length === 0) return null
  return (
    <NoticeBar
      testId="bm-notices"
      heading={`${gaps.length} data notice${gaps.length === 1 ? '' : 's'}`}
      gist={gaps.join(' · ')}
    >
      <ul>
        {gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
    </NoticeBar>
  )
}
