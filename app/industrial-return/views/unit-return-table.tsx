import { formatChf } from '~/money/amount'
import { ScrollingTable } from '~/ui/sortable-table'
import { formatPercent } from './format.ts'
import type { UnitReturn } from './unit-return.ts'

/**
 * A department's or group's contracts by country beside the organisation's shares. The caption is
 * shown (it says what is compared), so this table keeps its own markup rather than the kit's.
 */
export function UnitReturnTable({ unitReturn, unitLabel, windowLabel }: { unitReturn: UnitReturn; unitLabel: string; windowLabel: string }) {
  return (
    <ScrollingTable labelledBy="unit-return-caption">
      <table>
        <caption id="unit-return-caption">
          Contracts of {unitLabel} by country, {windowLabel}, compared with the whole organisation ({formatChf(unitReturn.organisationTotalChfMinor)})
        </caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col" className="number">Value</th>
            <th scope="col" className="number">Contracts</th>
            <th scope="col" className="number">Share</th>
            <th scope="col" className="number">Organisation’s share</th>
            <th scope="col" className="number">Difference (points)</th>
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
              </tr>
            )
          })}
        </tbody>
      </table>
    </ScrollingTable>
  )
}
