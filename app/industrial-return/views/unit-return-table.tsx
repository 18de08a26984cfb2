import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { ScrollingTable } from '~/ui/sortable-table'
import { BandBadge } from './band-badge.tsx'
import { PreciseFigure } from './coefficient-figure.tsx'
import { categoryTitle, formatPercent } from './format.ts'
import type { UnitReturn } from './unit-return.ts'

/**
 * A department's or group's contracts by country beside the organisation's shares, and each
 * country's membership and (for one category) its band in the organisation's return: which of the
 * unit's purchases helped a very poorly balanced country. The caption is shown (it says what is
 * compared), so this table keeps its own markup rather than the kit's.
 */
export function UnitReturnTable({ unitReturn, unitLabel, windowLabel }: { unitReturn: UnitReturn; unitLabel: string; windowLabel: string }) {
  const { t } = useTranslation('industrial-return')
  const { chf } = useFormats()
  const captionId = `unit-return-caption-${unitReturn.category.toLowerCase()}`
  const withBands = unitReturn.category !== 'ALL'
  const values = { unit: unitLabel, window: windowLabel, total: chf(unitReturn.organisationTotalChfMinor) }
  return (
    <ScrollingTable labelledBy={captionId}>
      <table>
        <caption id={captionId}>
          {unitReturn.category === 'ALL' ? t('unit.captionAll', values) : t('unit.captionCategory', { ...values, category: categoryTitle(t, unitReturn.category) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.country')}</th>
            <th scope="col" className="number">{t('unit.columns.value')}</th>
            <th scope="col" className="number">{t('unit.columns.contracts')}</th>
            <th scope="col" className="number">{t('unit.columns.share')}</th>
            <th scope="col" className="number">{t('unit.columns.organisationShare')}</th>
            <th scope="col" className="number">{t('unit.columns.difference')}</th>
            <th scope="col">{t('unit.columns.membership')}</th>
            {withBands ? <th scope="col">{t('unit.columns.band')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {unitReturn.rows.map((row) => {
            const difference = row.sharePercent - row.organisationSharePercent
            return (
              <tr key={row.countryCode}>
                <th scope="row">
                  {row.name} <span className="hint">({row.countryCode})</span>
                </th>
                <td className="number">{chf(row.valueChfMinor)}</td>
                <td className="number">{row.contractCount}</td>
                <td className="number">{formatPercent(row.sharePercent, 1)}</td>
                <td className="number">{formatPercent(row.organisationSharePercent, 1)}</td>
                <td className="number">
                  {difference >= 0 ? '+' : '−'}
                  {Math.abs(difference).toFixed(1)}
                </td>
                <td>{t(`membership.${row.membership}`)}</td>
                {withBands ? (
                  <td>
                    {row.standing && row.membership !== 'OTHER' ? (
                      <>
                        <BandBadge band={row.standing.band} /> <PreciseFigure display={row.standing.coefficient} precise={row.standing.coefficientPrecise} empty="" />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                ) : null}
              </tr>
            )
          })}
        </tbody>
      </table>
    </ScrollingTable>
  )
}
