/** The Industry Days page's sections (client-safe): the shares per year, and the lists behind them. */
import { Link } from '@remix-run/react'
import { formatDate } from '~/calendar/format-date'
import { SortableTable } from '~/ui/sortable-table'
import { INDUSTRY_DAY_KIND_LABELS } from './industry-day-form.ts'
import type { IndustryDayShares, IndustryDayYearView, SixView } from './load-industry-day-shares.server.ts'

type Figure = IndustryDayYearView['countryDays'] | IndustryDayYearView['invitations']
type Target = IndustryDayShares['target']

/** "2 of 4 (50.0%)"; "none counted" when nothing can be counted. */
export function shareText(figure: Pick<Figure, 'targeted' | 'counted' | 'percent'>): string {
  return figure.percent === null ? 'none counted' : `${figure.targeted} of ${figure.counted} (${figure.percent.toFixed(1)}%)`
}

export function TargetVerdict({ figure, targetApplies, target }: { figure: Figure; targetApplies: boolean; target: Target }) {
  if (!targetApplies) return <span className="hint">no target before {target.fromYear}</span>
  if (figure.meetsTarget === null) return null
  return figure.meetsTarget ? <span className="badge ok">{target.percent}% target met</span> : <span className="badge warn">below the {target.percent}% target</span>
}

const inSixText = (targeted: boolean | null) => (targeted === null ? 'not counted' : targeted ? 'yes' : 'no')

function Uncounted({ figure, what }: { figure: Figure; what: string }) {
  if (figure.uncounted === 0) return null
  return (
    <p className="hint">
      {figure.uncounted} {what} not counted: their status year has no coefficient yet (no contribution scale or no contract in its window).
    </p>
  )
}

const DemoBadge = ({ isDemo }: { isDemo: boolean }) => (isDemo ? <> <span className="badge warn">demo</span></> : null)

export function YearsTable({ years, target, selected }: { years: IndustryDayYearView[]; target: Target; selected: number | null }) {
  return (
    <SortableTable
      caption={`Share of Industry Days in the ${target.states} most imbalanced states, per calendar year (target ${target.percent}% from ${target.fromYear})`}
      rows={[...years].reverse()}
      rowKey={(year) => String(year.year)}
      columns={[
        {
          header: 'Year',
          rowHeader: true,
          sorted: 'descending',
          cell: (year) => (
            <Link to={`?year=${year.year}`} aria-current={year.year === selected ? 'page' : undefined}>
              {year.year}
            </Link>
          ),
        },
        {
          header: 'Country Industry Days in the six',
          cell: (year) => (
            <>
              {shareText(year.countryDays)} <TargetVerdict figure={year.countryDays} targetApplies={year.targetApplies} target={target} />
            </>
          ),
        },
        {
          header: 'Companies invited to thematic days from the six',
          cell: (year) => (
            <>
              {shareText(year.invitations)} <TargetVerdict figure={year.invitations} targetApplies={year.targetApplies} target={target} />
            </>
          ),
        },
      ]}
    />
  )
}

export function CountryDaysSection({ year, target }: { year: IndustryDayYearView; target: Target }) {
  const figure = year.countryDays
  return (
    <section aria-labelledby="country-days-heading">
      <h3 id="country-days-heading">Country Industry Days in {year.year}</h3>
      <p>
        In the six most imbalanced states: <strong>{shareText(figure)}</strong> <TargetVerdict figure={figure} targetApplies={year.targetApplies} target={target} />
      </p>
      <Uncounted figure={figure} what={figure.uncounted === 1 ? 'day is' : 'days are'} />
      {figure.lines.length === 0 ? (
        <p className="empty">No country Industry Day in {year.year}.</p>
      ) : (
        <SortableTable
          caption={`Country Industry Days in ${year.year}, by date`}
          layout="stack-wide"
          rows={figure.lines}
          rowKey={(line) => line.dayId}
          columns={[
            { header: 'Date', rowHeader: true, sorted: 'ascending', cell: (line) => formatDate(line.heldOn) },
            { header: 'Country', cell: (line) => <>{line.countryName} ({line.countryCode})<DemoBadge isDemo={line.isDemo} /></> },
            { header: 'Measured against', cell: (line) => (line.measuredAgainst === null ? `status year ${line.statusYear}: no coefficient` : `the six of status year ${line.measuredAgainst}`) },
            { header: 'In the six', cell: (line) => inSixText(line.targeted) },
          ]}
        />
      )}
    </section>
  )
}

export function InvitationsSection({ year, target }: { year: IndustryDayYearView; target: Target }) {
  const figure = year.invitations
  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">Companies invited to thematic Industry Days in {year.year}</h3>
      <p>
        From the six most imbalanced states: <strong>{shareText(figure)}</strong> <TargetVerdict figure={figure} targetApplies={year.targetApplies} target={target} />
      </p>
      <p className="hint">Each invitation counts once: a company invited to two days counts twice.</p>
      <Uncounted figure={figure} what={figure.uncounted === 1 ? 'invitation is' : 'invitations are'} />
      {figure.lines.length === 0 ? (
        <p className="empty">{figure.thematicDays === 0 ? `No thematic Industry Day in ${year.year}.` : `No company recorded as invited to the thematic days of ${year.year}.`}</p>
      ) : (
        <SortableTable
          caption={`Companies invited to thematic Industry Days in ${year.year}, by date`}
          layout="stack-wide"
          rows={figure.lines.map((line, index) => ({ ...line, key: `${line.dayId}-${index}` }))}
          rowKey={(line) => line.key}
          columns={[
            { header: 'Company', rowHeader: true, cell: (line) => line.companyName },
            { header: 'Country', cell: (line) => `${line.countryName} (${line.countryCode})` },
            { header: 'Day', sorted: 'ascending', cell: (line) => <>{formatDate(line.heldOn)}, {line.theme}<DemoBadge isDemo={line.isDemo} /></> },
            { header: 'Measured against', cell: (line) => (line.measuredAgainst === null ? `status year ${line.statusYear}: no coefficient` : `status year ${line.measuredAgainst}`) },
            { header: 'From the six', cell: (line) => inSixText(line.targeted) },
          ]}
        />
      )}
    </section>
  )
}

export function SixesSection({ year, publishedStatusYear }: { year: IndustryDayYearView; publishedStatusYear: number }) {
  return (
    <section aria-labelledby="sixes-heading">
      <h3 id="sixes-heading">The six most imbalanced states the days of {year.year} were measured against</h3>
      <p className="hint">
        The six lowest coefficients for supplies (to 4 decimals) among Member and Associate Member States, in the status year containing the day (1 March to the end of February);
        states tied with the sixth are all in.
      </p>
      {year.sixes.map((six) => (
        <SixList key={six.statusYear} six={six} planned={six.statusYear === publishedStatusYear && year.year > publishedStatusYear} />
      ))}
    </section>
  )
}

function SixList({ six, planned }: { six: SixView; planned: boolean }) {
  const headingId = `six-${six.statusYear}`
  return (
    <div>
      <h4 id={headingId}>
        Status year {six.statusYear} ({formatDate(six.startsOn)} – {formatDate(six.endsOn)}), window {six.windowLabel}
      </h4>
      {planned ? <p className="hint">Days after {formatDate(six.endsOn)} fall in a status year not published yet: they are measured against this one’s six until it is.</p> : null}
      {six.states.length === 0 ? (
        <p className="empty">No coefficient for this status year: its days are listed but not counted.</p>
      ) : (
        <ol aria-labelledby={headingId}>
          {six.states.map((state) => (
            <li key={state.countryCode}>
              {state.name} ({state.countryCode}): {state.coefficientPrecise}
              {six.states.filter((other) => other.rank === state.rank).length > 1 ? <span className="hint"> (tied at rank {state.rank})</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function DaysOfYearTable({ days, year }: { days: IndustryDayShares['days']; year: number }) {
  const ofYear = days.filter((day) => day.heldOn.startsWith(`${year}-`))
  return (
    <section aria-labelledby="days-heading">
      <h3 id="days-heading">Every Industry Day of {year}</h3>
      <SortableTable
        caption={`Industry Days of ${year}, by date`}
        layout="stack-wide"
        rows={ofYear}
        rowKey={(day) => day.id}
        columns={[
          { header: 'Date', rowHeader: true, sorted: 'ascending', cell: (day) => formatDate(day.heldOn) },
          { header: 'Kind', cell: (day) => INDUSTRY_DAY_KIND_LABELS[day.kind] },
          { header: 'Country or theme', cell: (day) => <>{day.kind === 'COUNTRY' ? `${day.countryName} (${day.countryCode})` : day.theme}<DemoBadge isDemo={day.isDemo} /></> },
          { header: 'Companies invited', numeric: true, cell: (day) => day.invitationCount },
          {
            header: 'Edit',
            cell: (day) => (
              <Link to={`/industrial-return/industry-days/${day.id}`} aria-label={`Edit the Industry Day of ${formatDate(day.heldOn)} (${day.kind === 'COUNTRY' ? day.countryName : day.theme})`}>
                Edit
              </Link>
            ),
          },
        ]}
      />
    </section>
  )
}
