/** The benchmark channels: the dashboard's numbers, their statistics, and the saved benchmark setups. */
import type { Handlers } from '../../../shared/contract'
import type { Database } from '../db/duckdb'
import { runBenchmark } from './benchmark'
import { dashboardSession } from './dashboardSession'
import { benchmarkStats } from './comparisons'
import { vendorConventions } from './vendorConventions'
import { contentMix } from './contentMix'
import { deleteTopic, importTopics, listTopics, saveTopic, topicReport } from './topics'
import { explainPeriod } from './explainPeriod'
import { deleteSetup, lastRequest, listSetups, saveLastRequest, saveSetup } from './setups'

export function metricsHandlers(db: Database) {
  return {
    // The dashboard on its session's connection, which keeps what the next control change can reuse; the others
    // each on a connection of its own: the scope lives in TEMP tables that concurrent requests must not share.
    benchmark: (req) => dashboardSession(db).run((conn) => runBenchmark(conn, req, 'days', { session: true })),
    benchmarkStats: (i) => db.withConnection((conn) => benchmarkStats(conn, i)),
    vendorConventions: ({ request }) => db.withConnection((conn) => vendorConventions(conn, request)),
    contentMix: ({ request }) => db.withConnection((conn) => contentMix(conn, request)),
    listTopics: () => listTopics(db),
    saveTopic: (i) => saveTopic(db, i),
    deleteTopic: ({ topicId }) => deleteTopic(db, topicId),
    importTopics: ({ topics }) => importTopics(db, topics),
    topicReport: ({ request }) => db.withConnection((conn) => topicReport(conn, request)),
    explainPeriod: (i) => db.withConnection((conn) => explainPeriod(conn, i)),
    listBenchmarkSetups: () => listSetups(db),
    saveBenchmarkSetup: ({ name, request }) => saveSetup(db, name, request),
    deleteBenchmarkSetup: ({ name }) => deleteSetup(db, name),
    getLastBenchmark: () => lastRequest(db),
    saveLastBenchmark: (request) => saveLastRequest(db, request)
  } satisfies Partial<Handlers>
}
