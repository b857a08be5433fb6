/**
 * Observable Plot labels each mark's <g> with its mark name ("line", "dot", "tip"). An aria-label on a <g> without
 * a role is not allowed (axe: aria-prohibited-attr) and says nothing useful: the chart's own label and description
 * on the <svg> already carry the title and the numbers. Strip them so screen readers hear the chart once.
 */
export function withoutMarkLabels<T extends Element>(chart: T): T {
  for (const g of chart.querySelectorAll('g[aria-label]:not([role])')) g.removeAttribute('aria-label')
  return chart
}
