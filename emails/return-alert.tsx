import { Heading, Text } from '@react-email/components'
import { ActionLink } from './action-link'
import { EmailLayout } from './layout'

export type ReturnAlertEmailProps = {
  name: string
  windowLabel: string
  /** The published status year the window is the default of; absent from messages queued before it was said. */
  statusYear?: number
  cause: string
  transitions: { countryName: string; countryCode: string; entered: boolean; coefficient: string | null }[]
  dashboardUrl: string
}

/** To every procurement officer when a country enters or leaves "very poorly balanced" (supplies). */
export function ReturnAlertEmail({
  name = 'Paula Procurement',
  windowLabel = '2022–2025',
  statusYear = 2026,
  cause = 'Import of contracts.csv',
  transitions = [
    { countryName: 'Portugal', countryCode: 'PT', entered: true, coefficient: '0.38' },
    { countryName: 'Greece', countryCode: 'GR', entered: false, coefficient: '0.41' },
  ],
  dashboardUrl = 'http://localhost:3000/industrial-return',
}: Partial<ReturnAlertEmailProps>) {
  const entered = transitions.filter((t) => t.entered)
  const left = transitions.filter((t) => !t.entered)
  const line = (t: ReturnAlertEmailProps['transitions'][number]) =>
    `${t.countryName} (${t.countryCode}): coefficient ${t.coefficient ?? 'none'}`
  return (
    <EmailLayout preview={`Very poorly balanced countries changed: ${transitions.map((t) => t.countryCode).join(', ')}`}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        Very poorly balanced countries changed
      </Heading>
      <Text>Hello {name},</Text>
      <Text>
        As a procurement officer, you hear when a country enters or leaves “very poorly balanced”. The industrial return for supplies
        {statusYear ? ` of the published status year ${statusYear} (1 March ${statusYear} to end of February ${statusYear + 1}), computed` : ''} over {windowLabel}, was recomputed ({cause}).
      </Text>
      {entered.length ? (
        <>
          <Text style={{ fontWeight: 700 }}>Now very poorly balanced (coefficient below the threshold):</Text>
          {entered.map((t) => (
            <Text key={t.countryCode}>• {line(t)}</Text>
          ))}
        </>
      ) : null}
      {left.length ? (
        <>
          <Text style={{ fontWeight: 700 }}>No longer very poorly balanced:</Text>
          {left.map((t) => (
            <Text key={t.countryCode}>• {line(t)}</Text>
          ))}
        </>
      ) : null}
      <ActionLink href={dashboardUrl} label="Open the industrial return dashboard" />
      <Text style={{ color: '#5b6475' }}>The alert stays on the dashboard until you or another procurement officer acknowledge it.</Text>
    </EmailLayout>
  )
}

export default ReturnAlertEmail
