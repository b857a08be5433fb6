/**
 * Topics: the keyword rules saved in the workspace (`topics` table), and the `topicReport` channel: per institution
 * the share of its posts on each topic, their engagement against the peer median, share of voice per topic and its
 * top hashtags (posts.hashtags, extracted at import). src/shared/topics.ts says what each figure means.
 */
import type { DuckDBConnection } from '@duckdb/node-api'
import type { BenchmarkRequest } from '../../../shared/benchmark'
import { AppFailure } from '../../../shared/result'
import {
  ruleOf,
  TOPIC_METHODS,
  type InstitutionTopics,
  type PackTopic,
  type Topic,
  type TopicReport,
  type TopicRow
} from '../../../shared/topics'
import type { Input } from '../../../shared/contract'
import type { Database } from '../db/duckdb'
import { resolveScope } from './benchmark'
import { PER_POST_RATE } from './contentMix'
import { materializeScope, withScope } from './scope'

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

function toTopic(r: Record<string, unknown>): Topic {
  return {
    topicId: Number(r.topic_id),
    name: String(r.name),
    keywords: (r.keywords as unknown[]).map(String),
    languages: ((r.languages as { language: unknown; keywords: unknown[] }[] | null) ?? []).map((l) => ({
      language: String(l.language),
      keywords: l.keywords.map(String)
    }))
  }
}

const COLUMNS = 'topic_id, name, keywords, languages'

export async function listTopics(db: Database): Promise<Topic[]> {
  return (await db.all(`SELECT ${COLUMNS} FROM topics ORDER BY name`)).map(toTopic)
}

/**
 * The SQL values of a rule's keywords, as bound parameters from `$first` on: `keywords` (every language) and
 * `languages` (a list of {language, keywords}).
 */
function ruleValues(
  t: Parameters<typeof ruleOf>[0],
  first: number
): { keywords: string; languages: string; params: string[] } {
  const rule = ruleOf(t)
  const params: string[] = []
  const bind = (v: string) => {
    params.push(v)
    return `$${first + params.length - 1}`
  }
  const list = (ks: string[]) => (ks.length ? `list_value(${ks.map(bind).join(', ')})` : '[]::VARCHAR[]')
  const keywords = list(rule.keywords)
  const languages = `[${rule.languages.map((l) => `{'language': ${bind(l.language)}, 'keywords': ${list(l.keywords)}}`).join(', ')}]::STRUCT(language VARCHAR, keywords VARCHAR[])[]`
  return { keywords, languages, params }
}

/** Adds a topic, or replaces every field of `topicId`. Names are unique, ignoring case. */
export async function saveTopic(db: Database, i: Input<'saveTopic'>): Promise<Topic> {
  return db.write(async (c) => {
    const clash = (
      await c.runAndReadAll(`SELECT topic_id FROM topics WHERE lower(name) = lower($1) AND topic_id <> $2`, [
        i.name,
        i.topicId ?? 0
      ])
    ).getRowObjectsJson()
    if (clash.length) throw new AppFailure('BAD_INPUT', `A topic named “${i.name}” already exists.`)
    const v = ruleValues(i, i.topicId ? 3 : 2)
    const rows = i.topicId
      ? await c.runAndReadAll(
          `UPDATE topics SET name = $1, keywords = ${v.keywords}, languages = ${v.languages} WHERE topic_id = $2
           RETURNING ${COLUMNS}`,
          [i.name, i.topicId, ...v.params]
        )
      : await c.runAndReadAll(
          `INSERT INTO topics (name, keywords, languages) VALUES ($1, ${v.keywords}, ${v.languages}) RETURNING ${COLUMNS}`,
          [i.name, ...v.params]
        )
    const row = rows.getRowObjectsJson()[0]
    if (!row) throw new AppFailure('NOT_FOUND', `There is no topic ${i.topicId}.`)
    return toTopic(row)
  })
}

/**
 * A query pack's topic rules, in one transaction. A name already taken (ignoring case) keeps the workspace's rule:
 * importing never overwrites what someone wrote here; the caller names those.
 */
export async function importTopics(db: Database, topics: PackTopic[]): Promise<{ saved: Topic[]; kept: string[] }> {
  return db.write(async (c) => {
    const saved: Topic[] = []
    const kept: string[] = []
    for (const t of topics) {
      const taken = await c.runAndReadAll(`SELECT 1 FROM topics WHERE lower(name) = lower($1)`, [t.name])
      if (taken.getRowObjectsJson().length) {
        kept.push(t.name)
        continue
      }
      const v = ruleValues(t, 2)
      const r = await c.runAndReadAll(
        `INSERT INTO topics (name, keywords, languages) VALUES ($1, ${v.keywords}, ${v.languages}) RETURNING ${COLUMNS}`,
        [t.name, ...v.params]
      )
      saved.push(toTopic(r.getRowObjectsJson()[0]))
    }
    return { saved, kept }
  })
}

export async function deleteTopic(db: Database, topicId: number): Promise<{ deleted: boolean }> {
  return db.write(async (c) => {
    const r = await c.runAndReadAll(`DELETE FROM topics WHERE topic_id = $1 RETURNING topic_id`, [topicId])
    return { deleted: r.getRowObjectsJson().length > 0 }
  })
}

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]
}

function median(xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export async function topicReport(conn: DuckDBConnection, request: BenchmarkRequest): Promise<TopicReport> {
  const scope = await materializeScope(conn, (await resolveScope(conn, request)).scope)
  const topics = (await rows(conn, `SELECT ${COLUMNS} FROM topics ORDER BY name`)).map(toTopic)
  // A post is on a topic when its accent-free, lower-case text contains one of the topic's keywords, likewise folded:
  // one for every language, or one of the post's language. A post whose export gives no language meets them all.
  const onTopic = withScope(
    scope,
    `  lk AS (SELECT topic_id, unnest(languages) AS l FROM topics),
  kw AS (SELECT topic_id, NULL::VARCHAR AS lang, strip_accents(lower(unnest(keywords))) AS kw FROM topics
         UNION ALL SELECT topic_id, l.language, strip_accents(lower(unnest(l.keywords))) FROM lk),
  tp AS (SELECT sp.institution_id, sp.post_id, sp.platform, sp.interactions::DOUBLE AS interactions,
                ${PER_POST_RATE[request.convention]} AS rate, strip_accents(lower(p.text)) AS t, p.language AS lang
         FROM sp JOIN posts p USING (platform, post_id) WHERE p.text IS NOT NULL),
  hit AS (SELECT DISTINCT tp.institution_id, tp.platform, tp.post_id, tp.interactions, tp.rate, kw.topic_id
          FROM tp JOIN kw ON contains(tp.t, kw.kw) AND (kw.lang IS NULL OR tp.lang IS NULL OR kw.lang = tp.lang))`
  )
  const [insts, totals, perTopic, tags] = [
    await rows(
      conn,
      `${withScope(scope)} SELECT DISTINCT institution_id, institution AS name, color FROM acc ORDER BY name`
    ),
    await rows(conn, `${withScope(scope)} SELECT institution_id, count(*) AS posts FROM sp GROUP BY ALL`),
    await rows(
      conn,
      `${onTopic} SELECT institution_id, topic_id, count(*) AS posts, median(interactions) AS med, avg(rate) AS rate
       FROM hit GROUP BY ALL`
    ),
    await rows(
      conn,
      `${withScope(scope)} SELECT institution_id, tag, count(*) AS posts FROM (
         SELECT sp.institution_id, unnest(p.hashtags) AS tag FROM sp JOIN posts p USING (platform, post_id))
       GROUP BY institution_id, tag QUALIFY row_number() OVER (PARTITION BY institution_id ORDER BY count(*) DESC, tag) <= 10
       ORDER BY institution_id, posts DESC, tag`
    )
  ]
  const peer = topics.map((t) => {
    const mine = perTopic.filter((r) => Number(r.topic_id) === t.topicId)
    return {
      topicId: t.topicId,
      topic: t.name,
      posts: mine.reduce((s, r) => s + Number(r.posts), 0),
      medianRate: median(mine.map((r) => num(r.rate)).filter((v): v is number => v !== null))
    }
  })
  const institutions: InstitutionTopics[] = insts.map((i) => {
    const id = Number(i.institution_id)
    const posts = Number(totals.find((t) => Number(t.institution_id) === id)?.posts ?? 0)
    const rowsFor: TopicRow[] = topics.flatMap((t) => {
      const r = perTopic.find((x) => Number(x.institution_id) === id && Number(x.topic_id) === t.topicId)
      const p = peer.find((x) => x.topicId === t.topicId)!
      const rate = r ? num(r.rate) : null
      const n = r ? Number(r.posts) : 0
      return [
        {
          topicId: t.topicId,
          topic: t.name,
          posts: n,
          share: posts ? n / posts : 0,
          medianInteractions: r ? num(r.med) : null,
          rate,
          vsPeer: rate !== null && p.medianRate !== null ? rate - p.medianRate : null,
          shareOfVoice: p.posts ? n / p.posts : 0
        }
      ]
    })
    return {
      institution_id: id,
      name: String(i.name),
      color: String(i.color),
      posts,
      topics: rowsFor,
      topHashtags: tags
        .filter((t) => Number(t.institution_id) === id)
        .map((t) => ({ tag: String(t.tag), posts: Number(t.posts) }))
    }
  })
  return {
    from: scope.from,
    to: scope.to,
    convention: request.convention,
    topics,
    institutions,
    peer,
    methods: TOPIC_METHODS
  }
}
