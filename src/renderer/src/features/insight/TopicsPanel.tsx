import { useCallback, useState, type FormEvent } from 'react'
import { parseRuleText, ruleText } from '../../../../shared/topics'
import { topicShareChart, topicVoiceChart, topicVsPeerChart } from '../../../../shared/charts/topicCharts'
import { PlotFigure } from '../../components/PlotFigure'
import { call, errorMessage } from '../../api'
import { useDocumentTheme } from '../charts/useDocumentTheme'
import { useExportContext } from '../export/useExport'
import { useInsightAnswer } from './useInsightAnswer'
import { InsightPanelHeader } from './InsightPanelHeader'

/**
 * Topics as the user's keyword rules, saved in the workspace: each institution's share of posts per topic, its
 * engagement on a topic against the peer median, share of voice per topic, and its top hashtags.
 */
export function TopicsPanel() {
  const exporter = useExportContext()
  const request = exporter?.request ?? null
  const [revision, setRevision] = useState(0)
  const { value, error, loading } = useInsightAnswer('topicReport', request, revision)
  const dark = useDocumentTheme() === 'dark'
  const [name, setName] = useState('')
  const [keywords, setKeywords] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const share = useCallback((w: number) => topicShareChart(value!, w, dark), [value, dark])
  const vsPeer = useCallback((w: number) => topicVsPeerChart(value!, w), [value])
  const voice = useCallback((w: number) => topicVoiceChart(value!, w), [value])
  const hasTopics = (value?.topics.length ?? 0) > 0

  const add = async (e: FormEvent) => {
    e.preventDefault()
    try {
      await call('saveTopic', { name, ...parseRuleText(keywords) })
      setName('')
      setKeywords('')
      setProblem(null)
      setRevision((r) => r + 1)
    } catch (err) {
      setProblem(errorMessage(err))
    }
  }
  const remove = async (topicId: number) => {
    try {
      await call('deleteTopic', { topicId })
      setRevision((r) => r + 1)
    } catch (err) {
      setProblem(errorMessage(err))
    }
  }

  return (
    <section className="ins-panel" data-testid="ins-topics" aria-label="Topics and hashtags" aria-busy={loading}>
      <InsightPanelHeader
        title="Topics and hashtags"
        loading={loading}
        downloads={[
          {
            label: 'Download CSV',
            testId: 'ins-topics-csv',
            disabled: !hasTopics || !!exporter?.busy,
            onClick: () => void exporter?.exportTable('topics', 'csv')
          }
        ]}
      />
      {(error || problem) && (
        <p className="bm-problem" role="alert">
          {problem ?? error}
        </p>
      )}
      <form className="ins-topic-form" onSubmit={(e) => void add(e)} data-testid="ins-topic-form">
        <label className="bm-field">
          <span>Topic</span>
          <input
            className="input input-small"
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            placeholder="vaccination"
            data-testid="ins-topic-name"
          />
        </label>
        <label className="bm-field ins-topic-keywords">
          <span>Keywords, comma-separated (case and accents ignored; “es: …” for one language’s)</span>
          <input
            className="input input-small"
            value={keywords}
            onChange={(e) => setKeywords(e.target.value)}
            placeholder="vaccine, flu shot; es: vacuna, gripe"
            data-testid="ins-topic-keywords"
          />
        </label>
        <button
          type="submit"
          className="btn btn-small"
          data-testid="ins-topic-add"
          disabled={!name.trim() || !keywords.trim()}
        >
          Add topic
        </button>
      </form>
      {value && (
        <ul className="ins-topic-list" data-testid="ins-topic-list">
          {value.topics.map((t) => (
            <li key={t.topicId} data-topic={t.name}>
              <strong>{t.name}</strong> <span className="muted">{ruleText(t)}</span>{' '}
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Remove topic ${t.name}`}
                onClick={() => void remove(t.topicId)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {value && !hasTopics && <p className="muted">No topics yet: add one with its keywords above.</p>}
      {value && hasTopics && (
        <>
          <div className="ins-mix-grid">
            <figure className="ins-figure" data-testid="ins-topic-share">
              <figcaption>Share of each institution’s posts on the topic</figcaption>
              <PlotFigure build={share} />
            </figure>
            <figure className="ins-figure" data-testid="ins-topic-voice">
              <figcaption>Share of voice per topic</figcaption>
              <PlotFigure build={voice} />
            </figure>
          </div>
          <figure className="ins-figure" data-testid="ins-topic-peer">
            <figcaption>Engagement on each topic against the peer median</figcaption>
            <PlotFigure build={vsPeer} />
          </figure>
        </>
      )}
      {value && (
        <div className="ins-hashtags" data-testid="ins-hashtags">
          <h4>Top hashtags</h4>
          <ul>
            {value.institutions.map((i) => (
              <li key={i.institution_id}>
                <span className="swatch" style={{ background: i.color }} aria-hidden="true" /> <strong>{i.name}</strong>
                : {i.topHashtags.map((h) => `#${h.tag} (${h.posts})`).join(', ') || <span className="muted">none</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {value && (
        <details className="ins-methods" data-testid="ins-topic-methods">
          <summary>Methodology: topics, share of voice, hashtags</summary>
          <ul>
            {value.methods.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
