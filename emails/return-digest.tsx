import { Button, Heading, Section, Text } from '@react-email/components'
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

/** The periodic statistics email to group leaders and department heads. */
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
            <table cellPadding={4} style={{ borderCollapse: 'collapse', fontSize: '13px' }}>
              <thead>
                <tr>
                  <th align="left" scope="col">Country</th>
                  <th align="right" scope="col">Value</th>
                  <th align="right" scope="col">Contracts</th>
                  <th align="right" scope="col">Share</th>
                  <th align="right" scope="col">Organisation</th>
                </tr>
              </thead>
              <tbody>
                {unit.rows.map((row) => (
                  <tr key={row.country}>
                    <td>{row.country}</td>
                    <td align="right">{row.value}</td>
                    <td align="right">{row.count}</td>
                    <td align="right">{row.share}</td>
                    <td align="right">{row.organisationShare}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      ))}
      <Button href={pageUrl} style={{ backgroundColor: '#0b3d91', color: '#ffffff', padding: '10px 16px', borderRadius: '4px' }}>
        See the full page
      </Button>
      <Text>
        Link: <a href={pageUrl}>{pageUrl}</a>
      </Text>
    </EmailLayout>
  )
}

export default ReturnDigestEmail
