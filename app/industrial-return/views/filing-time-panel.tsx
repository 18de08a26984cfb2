/**
 * Shown in the justification form: the very poorly balanced countries (supplies), and for the chosen
 * country its band now and the coefficient this contract would move it to. Pure rendering of
 * `loadFilingTimeReturn` data, so it updates as the requester types (and renders on the server).
 * Its words are the `industrial-return` namespace's: the pages that show it list that namespace.
 */
import { useTranslation } from 'react-i18next'
import { RichText } from '~/ui/rich-text'
import type { Category } from '../arithmetic/bands.ts'
import { BandBadge } from './band-badge.tsx'
import { ceilingReachedFor, projectFilingCoefficient, type FilingTimeReturn } from './filing-time.ts'
import { categoryName } from './format.ts'

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
  const { t } = useTranslation('industrial-return')
  const code = countryCode?.trim().toUpperCase() ?? ''
  const projection = data.computable && /^[A-Z]{2}$/.test(code) && category ? projectFilingCoefficient(data, { countryCode: code, category, amountChfMinor: amountChfMinor ?? null }) : null
  const moves = projection && amountChfMinor != null && amountChfMinor > 0
  const atCeiling = /^[A-Z]{2}$/.test(code) ? ceilingReachedFor(data, code, category) : null
  return (
    <aside className="card return-filing" aria-labelledby="return-filing-heading">
      <h2 id="return-filing-heading">{t('panel.heading')}</h2>
      {/* Always in the page, so a screen reader announces the warning when the country chosen makes it appear. */}
      <div aria-live="polite">
        {atCeiling ? (
          <p className="notice warn" id="return-filing-ceiling">
            <RichText
              text={t('panel.atCeiling', {
                country: atCeiling.name,
                year: data.ceilingYear,
                positions: atCeiling.reachedIn.map((c) => `${categoryName(t, c)} ${atCeiling.coefficients[c]?.display ?? ''}`).join(', '),
                ceiling: atCeiling.ceiling,
              })}
              parts={[<strong key="reached" />]}
            />
          </p>
        ) : null}
      </div>
      {!data.computable ? (
        <p className="empty">{t('panel.notComputable', { window: data.windowLabel })}</p>
      ) : (
        <>
          <p>
            {t(data.includesDemoData ? 'panel.veryPoorlyWithDemo' : 'panel.veryPoorly', { window: data.windowLabel })}{' '}
            {data.veryPoorly.length === 0 ? (
              <span className="empty">{t('panel.none')}</span>
            ) : (
              data.veryPoorly.map((country, i) => (
                <span key={country.countryCode}>
                  {i > 0 ? ', ' : ''}
                  {country.name} ({country.coefficient})
                </span>
              ))
            )}
            {t('panel.buyingHelps')}
          </p>
          <p aria-live="polite">
            {projection ? (
              projection.coefficientBefore === null ? (
                t('panel.noCoefficient', { country: projection.countryName ?? code, category: categoryName(t, projection.category) })
              ) : (
                <>
                  <RichText
                    text={t('panel.projection', { country: projection.countryName ?? code, category: categoryName(t, projection.category), before: projection.coefficientBefore })}
                    parts={[<BandBadge key="before" band={projection.bandBefore} />]}
                  />
                  {moves ? (
                    <>
                      {t('panel.wouldMove', { after: projection.coefficientAfter })}
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
              <span className="hint">{t('panel.chooseCountry')}</span>
            )}
          </p>
        </>
      )}
    </aside>
  )
}
