/** The Benchmarks view: institutions side by side (issue 4). */
export function BenchmarkView(_p: { onError: (err: unknown, context?: string) => void }) {
  return <section className="benchmarks" data-testid="benchmarks-view" aria-label="Benchmarks" />
}
