/**
 * Chart draws of one React commit, run together in a microtask after every chart has been measured.
 * - Reads first, then writes: reading `clientWidth` right after another chart inserted its SVG forces the browser to
 *   lay the page out again; with nine charts (one with tens of thousands of points) those forced layouts cost a
 *   quarter of a second.
 * - Charts on screen draw at once, before the browser paints (no empty frame). Charts further down draw
 *   right after, one per task, so the first screen is not kept waiting for charts nobody sees yet; they are drawn
 *   within a few hundred milliseconds whether or not anyone scrolls.
 * `<html data-charts-pending>` counts the deferred draws still to run (tests wait for 0 before screenshots).
 */
type Job = () => void

let draws: { el: Element; job: Job }[] = []
let afterNear: Job[] = []
let afterAll: Job[] = []
let scheduled = false
let pending = 0

function mark(): void {
  document.documentElement.dataset.chartsPending = String(pending)
}

/** On screen (at least its top edge, or any of it). */
function nearView(el: Element): boolean {
  const r = el.getBoundingClientRect()
  return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight
}

function settle(): void {
  if (pending > 0) return
  const jobs = afterAll
  afterAll = []
  for (const job of jobs) job()
}

function flush(): void {
  scheduled = false
  const now = draws
  draws = []
  const near = now.map((d) => nearView(d.el))
  now.forEach((d, i) => near[i] && d.job())
  const first = afterNear
  afterNear = []
  for (const job of first) job()
  for (const d of now.filter((_, i) => !near[i])) {
    pending++
    setTimeout(() => {
      try {
        d.job()
      } finally {
        pending--
        mark()
        settle()
      }
    }, 0)
  }
  mark()
  settle()
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  queueMicrotask(flush)
}

/** Queue the draw of the chart in `el` for the end of this commit. */
export function queueDraw(el: Element, job: Job): void {
  draws.push({ el, job })
  schedule()
}

/** Run once the charts of this commit that are on screen are drawn (the dashboard's render timer). */
export function afterDraws(job: Job): void {
  afterNear.push(job)
  schedule()
}

/** Run once every chart queued so far is drawn, including those below the screen. */
export function afterAllDraws(job: Job): void {
  afterAll.push(job)
  schedule()
}
