/**
 * Shown in the justification form: the very poorly balanced countries (supplies), and for the chosen
 * country its band now and the coefficient this contract would move it to. Pure rendering of
 * `loadFilingTimeReturn` data, so it updates as the requester types (and renders on the server).
 */
import type { Category } from '../arithmetic/bands.ts'
import { BandBadge } from './band-badge.tsx'
import { ceilingReachedFor, projectFilingCoefficient, type FilingTimeReturn } from './filing-time.ts'
import { CATEGORY_WORDS } from './ams-ceilings.ts'

export function FilingTimeReturnPanel({
  data,
  countryCode,
  category,
  amountChfMinor,
}: {
  data: FilingTimeReturn
  countryCode: string | null | undefined
  category: Category | null | undefined
  amountChfMinor: number | null | undefined
}) {
  const code = countryCode?.trim().toUpperCase() ?? ''
  const projection = data.computable && /^[A-Z]{2}$/.test(code) && category ? projectFilingCoefficient(data, { countryCode: code, category, amountChfMinor: amountChfMinor ?? null }) : null
  const moves = projection && amountChfMinor != null && amountChfMinor > 0
  const atCeiling = /^[A-Z]{2}$/.test(code) ? ceilingReachedFor(data, code, category) : null
  return (
    <aside className="card return-filing" aria-labelledby="return-filing-heading">
      <h2 id="return-filing-heading">Industrial return</h2>
      {/* Always in the page, so a screen reader announces the warning when the country chosen makes it appear. */}
      <div aria-live="polite">
        {atCeiling ? (
          <p className="notice warn" id="return-filing-ceiling">
            <strong>
              {atCeiling.name} has reached its ceiling for {data.ceilingYear}
            </strong>{' '}
            ({atCeiling.reachedIn.map((c) => `${CATEGORY_WORDS[c]} ${atCeiling.coefficients[c]?.display ?? ''}`).join(', ')} against a ceiling of {atCeiling.ceiling}): as an Associate
            Member State, its return counts only up to its ceiling, so this contract would not improve it. Consider a supplier from a Member
            State, above all a very poorly balanced one.
          </p>
        ) : null}
      </div>
      {!data.computable ? (
        <p className="empty">No coefficient can be computed for {data.windowLabel} yet (no contribution scale or no contract in that window).</p>
      ) : (
        <>
          <p>
            Very poorly balanced for supplies ({data.windowLabel}
            {data.includesDemoData ? ', includes demo data' : ''}):{' '}
            {data.veryPoorly.length === 0 ? (
              <span className="empty">none</span>
            ) : (
              data.veryPoorly.map((country, i) => (
                <span key={country.countryCode}>
                  {i > 0 ? ', ' : ''}
                  {country.name} ({country.coefficient})
                </span>
              ))
            )}
            . Buying from them helps the organisation’s return.
          </p>
          <p aria-live="polite">
            {projection ? (
              projection.coefficientBefore === null ? (
                <>
                  {projection.countryName ?? code} has no {projection.category === 'SUPPLIES' ? 'supplies' : 'services'} coefficient (not a Member or
                  Associate Member State, or no contribution in the window).
                </>
              ) : (
                <>
                  {projection.countryName ?? code} is <BandBadge band={projection.bandBefore} /> for {projection.category === 'SUPPLIES' ? 'supplies' : 'services'}{' '}
                  (coefficient {projection.coefficientBefore})
                  {moves ? (
                    <>
                      ; this contract would move it to {projection.coefficientAfter}
                      {projection.bandAfter !== projection.bandBefore ? (
                        <>
                          {' '}
                          (<BandBadge band={projection.bandAfter} />)
                        </>
                      ) : null}
                    </>
                  ) : null}
                  .
                </>
              )
            ) : (
              <span className="hint">Choose the country and category to see its band.</span>
            )}
          </p>
        </>
      )}
    </aside>
  )
}
