import { Heading, Section, Text } from '@react-email/components'
import { ActionLink } from './action-link'
import { EmailLayout } from './layout'

export type ReturnDigestUnit = {
  label: string
  totalChf: string
  contractCount: number
  rows: { country: string; value: string; count: number; share: string; organisationShare: string }[]
}

export type ReturnDigestEmailProps = {
  name: string
  periodLabel: string
  windowLabel: string
  units: ReturnDigestUnit[]
  pageUrl: string
}

/** The periodic statistics email to group leaders and department heads, about their own unit. */
export function ReturnDigestEmail({
  name = 'Marta Mendes',
  periodLabel = 'November 2026',
  windowLabel = '2022–2025',
  units = [
    {
      label: 'Group EN-MME',
      totalChf: 'CHF 1’250’000.00',
      contractCount: 12,
      rows: [{ country: 'Italy (IT)', value: 'CHF 500’000.00', count: 4, share: '40.0%', organisationShare: '11.2%' }],
    },
  ],
  pageUrl = 'http://localhost:3000/industrial-return/mine',
}: Partial<ReturnDigestEmailProps>) {
  return (
    <EmailLayout preview={`Where your contracts went, ${windowLabel} (${periodLabel})`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Geographic spread of your contracts
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        Your statistics for {periodLabel}: contracts awarded in {windowLabel}, by the country they count for in the industrial return.
      </Text>
      {units.map((unit) => (
        <Section key={unit.label}>
          <Heading as="h2" style={{ fontSize: '16px' }}>
            {unit.label}: {unit.totalChf} in {unit.contractCount} contract{unit.contractCount === 1 ? '' : 's'}
          </Heading>
          {unit.rows.length === 0 ? (
            <Text>No contract in this period.</Text>
          ) : (
            // One line a country rather than a five-column table, which would not fit a phone's width.
            unit.rows.map((row) => (
              <Text key={row.country} style={{ margin: '4px 0', lineHeight: '20px' }}>
                <strong>{row.country}</strong>: {row.value} in {row.count} contract{row.count === 1 ? '' : 's'}, {row.share} of this total (organisation-wide: {row.organisationShare})
              </Text>
            ))
          )}
        </Section>
      ))}
      <ActionLink href={pageUrl} label="See the full page" />
    </EmailLayout>
  )
}

export default ReturnDigestEmail
