/**
 * Chart draws of one React commit, run together in a microtask after every chart has read its width. Reading
 * `clientWidth` right after another chart inserted its SVG forces the browser to lay the page out again; with a
 * dashboard of nine charts (one with 180k points) those forced layouts cost a quarter of a second. Reads first, then
 * writes: one layout. The microtask still runs before the browser paints, so no empty frame is ever shown.
 */
type Job = () => void

let draws: Job[] = []
let after: Job[] = []
let scheduled = false

function flush(): void {
  scheduled = false
  const now = draws
  draws = []
  for (const job of now) job()
  const then = after
  after = []
  for (const job of then) job()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  queueMicrotask(flush)
}

/** Queue a draw for the end of this commit. */
export function queueDraw(job: Job): void {
  draws.push(job)
  schedule()
}

/** Run after the draws queued in this commit (the dashboard's render timer). */
export function afterDraws(job: Job): void {
  after.push(job)
  schedule()
}
