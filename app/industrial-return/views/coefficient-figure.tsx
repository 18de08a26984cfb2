/**
 * A figure as the industrial-return pages show it (client-safe): two decimals on the page, the
 * four-decimal figure on hover and keyboard focus and, for screen readers, instead of the two
 * (the table's accessible text carries the four). Both come from `formatCoefficient`, which keeps
 * them on their band's side of every band line.
 */
export function PreciseFigure({ display, precise, empty = '—' }: { display: string | null; precise: string | null; empty?: string }) {
  if (display === null || precise === null) return <>{empty}</>
  return (
    <span className="precise-figure" tabIndex={0}>
      <span aria-hidden="true">{display}</span>
      <span className="precise-tip" aria-hidden="true">
        {precise}
      </span>
      <span className="visually-hidden">{precise}</span>
    </span>
  )
}
