import { formatChf } from '~/money/amount'
import { ScrollingTable } from '~/ui/sortable-table'
import { BandBadge } from './band-badge.tsx'
import { PreciseFigure } from './coefficient-figure.tsx'
import { CATEGORY_LABELS, formatPercent } from './format.ts'
import type { UnitReturn } from './unit-return.ts'
import type { Membership } from '../arithmetic/coefficients.ts'

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const MEMBERSHIP_LABELS: Record<Membership, string> = { MEMBER: 'Member State', ASSOCIATE: 'Associate Member State', OTHER: 'not a member' }

/**
 * A department's or group's contracts by country beside the organisation's shares, and each
 * country's membership and (for one category) its band in the organisation's return: which of the
 * unit's purchases helped a very poorly balanced country. The caption is shown (it says what is
 * compared), so this table keeps its own markup rather than the kit's.
 */
export function UnitReturnTable({ unitReturn, unitLabel, windowLabel }: { unitReturn: UnitReturn; unitLabel: string; windowLabel: string }) {
  const captionId = `unit-return-caption-${unitReturn.category.toLowerCase()}`
  const withBands = unitReturn.category !== 'ALL'
  const what = unitReturn.category === 'ALL' ? 'Contracts' : `${capitalised(CATEGORY_LABELS[unitReturn.category])}: contracts`
  return (
    <ScrollingTable labelledBy={captionId}>
      <table>
        <caption id={captionId}>
          {what} of {unitLabel} by country, {windowLabel}, compared with the whole organisation ({formatChf(unitReturn.organisationTotalChfMinor)})
        </caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col" className="number">Value</th>
            <th scope="col" className="number">Contracts</th>
            <th scope="col" className="number">Share</th>
            <th scope="col" className="number">Organisation’s share</th>
            <th scope="col" className="number">Difference (points)</th>
            <th scope="col">Membership</th>
            {withBands ? <th scope="col">Organisation’s band (coefficient)</th> : null}
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
                <td className="number">{formatChf(row.valueChfMinor)}</td>
                <td className="number">{row.contractCount}</td>
                <td className="number">{formatPercent(row.sharePercent, 1)}</td>
                <td className="number">{formatPercent(row.organisationSharePercent, 1)}</td>
                <td className="number">
                  {difference >= 0 ? '+' : '−'}
                  {Math.abs(difference).toFixed(1)}
                </td>
                <td>{MEMBERSHIP_LABELS[row.membership]}</td>
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
