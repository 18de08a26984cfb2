/** The Industry Days page's sections (client-safe): the shares per year, and the lists behind them. */
import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryName } from '~/i18n/country-names'
import { useFormats } from '~/i18n/use-formats'
import { SortableTable } from '~/ui/sortable-table'
import type { Translate } from '../ledger/message-list.ts'
import type { IndustryDayShares, IndustryDayYearView, SixView } from './load-industry-day-shares.server.ts'

type Figure = IndustryDayYearView['countryDays'] | IndustryDayYearView['invitations']
type Target = IndustryDayShares['target']

/** "2 of 4 (50.0%)"; "none counted" when nothing can be counted. */
export function shareText(t: Translate, figure: Pick<Figure, 'targeted' | 'counted' | 'percent'>): string {
  const say = (key: string, values?: object) => String(t(`return-data:industryDays.${key}` as never, values as never))
  return figure.percent === null ? say('share.none') : say('share.of', { count: figure.counted, targeted: figure.targeted, percent: figure.percent.toFixed(1) })
}

export function TargetVerdict({ figure, targetApplies, target }: { figure: Figure; targetApplies: boolean; target: Target }) {
  const { t } = useTranslation('return-data')
  if (!targetApplies) return <span className="hint">{t('industryDays.verdict.noTarget', { year: target.fromYear })}</span>
  if (figure.meetsTarget === null) return null
  return figure.meetsTarget ? (
    <span className="badge ok">{t('industryDays.verdict.met', { percent: target.percent })}</span>
  ) : (
    <span className="badge warn">{t('industryDays.verdict.below', { percent: target.percent })}</span>
  )
}

function InSix({ targeted }: { targeted: boolean | null }) {
  const { t } = useTranslation('return-data')
  return <>{targeted === null ? t('industryDays.inSix.notCounted') : targeted ? t('industryDays.inSix.yes') : t('industryDays.inSix.no')}</>
}

function Uncounted({ figure, what }: { figure: Figure; what: 'days' | 'invitations' }) {
  const { t } = useTranslation('return-data')
  if (figure.uncounted === 0) return null
  return <p className="hint">{t(`industryDays.uncounted.${what}`, { count: figure.uncounted })}</p>
}

function DemoBadge({ isDemo }: { isDemo: boolean }) {
  const { t } = useTranslation('return-data')
  return isDemo ? (
    <>
      {' '}
      <span className="badge warn">{t('demo')}</span>
    </>
  ) : null
}

export function YearsTable({ years, target, selected }: { years: IndustryDayYearView[]; target: Target; selected: number | null }) {
  const { t } = useTranslation('return-data')
  return (
    <SortableTable
      caption={t('industryDays.years.caption', { states: target.states, percent: target.percent, year: target.fromYear })}
      rows={[...years].reverse()}
      rowKey={(year) => String(year.year)}
      columns={[
        {
          header: t('industryDays.years.year'),
          rowHeader: true,
          sorted: 'descending',
          cell: (year) => (
            <Link to={`?year=${year.year}`} aria-current={year.year === selected ? 'page' : undefined}>
              {year.year}
            </Link>
          ),
        },
        {
          header: t('industryDays.years.countryDays'),
          cell: (year) => (
            <>
              {shareText(t, year.countryDays)} <TargetVerdict figure={year.countryDays} targetApplies={year.targetApplies} target={target} />
            </>
          ),
        },
        {
          header: t('industryDays.years.invitations'),
          cell: (year) => (
            <>
              {shareText(t, year.invitations)} <TargetVerdict figure={year.invitations} targetApplies={year.targetApplies} target={target} />
            </>
          ),
        },
      ]}
    />
  )
}

export function CountryDaysSection({ year, target }: { year: IndustryDayYearView; target: Target }) {
  const { t } = useTranslation('return-data')
  const { date, language } = useFormats()
  const figure = year.countryDays
  return (
    <section aria-labelledby="country-days-heading">
      <h3 id="country-days-heading">{t('industryDays.countryDays.heading', { year: year.year })}</h3>
      <p>
        {t('industryDays.countryDays.inTheSix')} <strong>{shareText(t, figure)}</strong> <TargetVerdict figure={figure} targetApplies={year.targetApplies} target={target} />
      </p>
      <Uncounted figure={figure} what="days" />
      {figure.lines.length === 0 ? (
        <p className="empty">{t('industryDays.countryDays.none', { year: year.year })}</p>
      ) : (
        <SortableTable
          caption={t('industryDays.countryDays.caption', { year: year.year })}
          layout="stack-wide"
          rows={figure.lines}
          rowKey={(line) => line.dayId}
          columns={[
            { header: t('industryDays.columns.date'), rowHeader: true, sorted: 'ascending', cell: (line) => date(line.heldOn) },
            {
              header: t('industryDays.columns.country'),
              cell: (line) => (
                <>
                  {countryName(line.countryCode, line.countryName, language)} ({line.countryCode})<DemoBadge isDemo={line.isDemo} />
                </>
              ),
            },
            {
              header: t('industryDays.columns.measuredAgainst'),
              cell: (line) =>
                line.measuredAgainst === null
                  ? t('industryDays.measured.noCoefficient', { year: line.statusYear })
                  : t('industryDays.measured.sixOf', { year: line.measuredAgainst }),
            },
            { header: t('industryDays.columns.inTheSix'), cell: (line) => <InSix targeted={line.targeted} /> },
          ]}
        />
      )}
    </section>
  )
}

export function InvitationsSection({ year, target }: { year: IndustryDayYearView; target: Target }) {
  const { t } = useTranslation('return-data')
  const { date, language } = useFormats()
  const figure = year.invitations
  return (
    <section aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">{t('industryDays.invitations.heading', { year: year.year })}</h3>
      <p>
        {t('industryDays.invitations.fromTheSix')} <strong>{shareText(t, figure)}</strong> <TargetVerdict figure={figure} targetApplies={year.targetApplies} target={target} />
      </p>
      <p className="hint">{t('industryDays.invitations.countsOnce')}</p>
      <Uncounted figure={figure} what="invitations" />
      {figure.lines.length === 0 ? (
        <p className="empty">{figure.thematicDays === 0 ? t('industryDays.invitations.noThematicDay', { year: year.year }) : t('industryDays.invitations.noCompany', { year: year.year })}</p>
      ) : (
        <SortableTable
          caption={t('industryDays.invitations.caption', { year: year.year })}
          layout="stack-wide"
          rows={figure.lines.map((line, index) => ({ ...line, key: `${line.dayId}-${index}` }))}
          rowKey={(line) => line.key}
          columns={[
            { header: t('industryDays.columns.company'), rowHeader: true, cell: (line) => line.companyName },
            { header: t('industryDays.columns.country'), cell: (line) => `${countryName(line.countryCode, line.countryName, language)} (${line.countryCode})` },
            {
              header: t('industryDays.columns.day'),
              sorted: 'ascending',
              cell: (line) => (
                <>
                  {date(line.heldOn)}, {line.theme}
                  <DemoBadge isDemo={line.isDemo} />
                </>
              ),
            },
            {
              header: t('industryDays.columns.measuredAgainst'),
              cell: (line) =>
                line.measuredAgainst === null
                  ? t('industryDays.measured.noCoefficient', { year: line.statusYear })
                  : t('industryDays.measured.statusYear', { year: line.measuredAgainst }),
            },
            { header: t('industryDays.columns.fromTheSix'), cell: (line) => <InSix targeted={line.targeted} /> },
          ]}
        />
      )}
    </section>
  )
}

export function SixesSection({ year, publishedStatusYear }: { year: IndustryDayYearView; publishedStatusYear: number }) {
  const { t } = useTranslation('return-data')
  return (
    <section aria-labelledby="sixes-heading">
      <h3 id="sixes-heading">{t('industryDays.sixes.heading', { year: year.year })}</h3>
      <p className="hint">{t('industryDays.sixes.hint')}</p>
      {year.sixes.map((six) => (
        <SixList key={six.statusYear} six={six} planned={six.statusYear === publishedStatusYear && year.year > publishedStatusYear} />
      ))}
    </section>
  )
}

function SixList({ six, planned }: { six: SixView; planned: boolean }) {
  const { t } = useTranslation('return-data')
  const { date, language } = useFormats()
  const headingId = `six-${six.statusYear}`
  return (
    <div>
      <h4 id={headingId}>{t('industryDays.sixes.statusYear', { year: six.statusYear, from: date(six.startsOn), to: date(six.endsOn), window: six.windowLabel })}</h4>
      {planned ? <p className="hint">{t('industryDays.sixes.planned', { on: date(six.endsOn) })}</p> : null}
      {six.states.length === 0 ? (
        <p className="empty">{t('industryDays.sixes.noCoefficient')}</p>
      ) : (
        <ol aria-labelledby={headingId}>
          {six.states.map((state) => (
            <li key={state.countryCode}>
              {countryName(state.countryCode, state.name, language)} ({state.countryCode}): {state.coefficientPrecise}
              {six.states.filter((other) => other.rank === state.rank).length > 1 ? <span className="hint"> {t('industryDays.sixes.tied', { rank: state.rank })}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

export function DaysOfYearTable({ days, year }: { days: IndustryDayShares['days']; year: number }) {
  const { t } = useTranslation('return-data')
  const { date, language } = useFormats()
  const ofYear = days.filter((day) => day.heldOn.startsWith(`${year}-`))
  const subject = (day: (typeof ofYear)[number]) => (day.kind === 'COUNTRY' && day.countryCode ? countryName(day.countryCode, day.countryName ?? '', language) : day.theme)
  return (
    <section aria-labelledby="days-heading">
      <h3 id="days-heading">{t('industryDays.days.heading', { year })}</h3>
      <SortableTable
        caption={t('industryDays.days.caption', { year })}
        layout="stack-wide"
        rows={ofYear}
        rowKey={(day) => day.id}
        columns={[
          { header: t('industryDays.columns.date'), rowHeader: true, sorted: 'ascending', cell: (day) => date(day.heldOn) },
          { header: t('industryDays.columns.kind'), cell: (day) => t(`industryDays.kinds.${day.kind}`) },
          {
            header: t('industryDays.columns.countryOrTheme'),
            cell: (day) => (
              <>
                {day.kind === 'COUNTRY' ? `${subject(day)} (${day.countryCode})` : day.theme}
                <DemoBadge isDemo={day.isDemo} />
              </>
            ),
          },
          { header: t('industryDays.columns.companies'), numeric: true, cell: (day) => day.invitationCount },
          {
            header: t('industryDays.columns.edit'),
            cell: (day) => (
              <Link to={`/industrial-return/industry-days/${day.id}`} aria-label={t('industryDays.days.editLabel', { on: date(day.heldOn), subject: subject(day) ?? '' })}>
                {t('industryDays.days.edit')}
              </Link>
            ),
          },
        ]}
      />
    </section>
  )
}
