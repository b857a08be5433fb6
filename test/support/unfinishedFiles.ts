/**
 * Vitest reporter: when a run ends with test files that never finished (a fork worker that died: a native crash,
 * a signal, the OOM killer), names each of them with the tests that started but reported no result, and how many
 * never started. Vitest itself only says "Worker exited unexpectedly", without the file, which leaves CI failures
 * to guesswork. Prints nothing when every file finished.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node'

export default class UnfinishedFiles implements Reporter {
  /** Tests that said they started and have not reported a result yet, by file. */
  private readonly running = new Map<string, Set<string>>()

  onTestCaseReady(test: TestCase): void {
    const file = test.module.moduleId
    const started = this.running.get(file) ?? new Set<string>()
    started.add(test.fullName)
    this.running.set(file, started)
  }

  onTestCaseResult(test: TestCase): void {
    this.running.get(test.module.moduleId)?.delete(test.fullName)
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const unfinished = modules.filter((m) => m.state() === 'pending' || m.state() === 'queued')
    if (unfinished.length === 0) return
    const lines = ['', `Test files that never finished (their worker died, most likely): ${unfinished.length}`]
    for (const m of unfinished) {
      const tests = [...m.children.allTests()]
      const done = tests.filter((t) => t.result().state !== 'pending').length
      lines.push(`  ${m.relativeModuleId}: ${done} of ${tests.length} tests reported a result`)
      for (const name of this.running.get(m.moduleId) ?? []) lines.push(`    running when it stopped: ${name}`)
    }
    process.stderr.write(`${lines.join('\n')}\n`)
  }
}
