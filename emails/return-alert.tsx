import { Heading, Text } from '@react-email/components'
import type { Language } from '~/i18n/languages'
import { ActionLink } from './action-link'
import { emailTranslator } from './i18n'
import { EmailLayout } from './layout'

export type ReturnAlertEmailProps = {
  name: string
  windowLabel: string
  /** The published status year the window is the default of; absent from messages queued before it was said. */
  statusYear?: number
  /** Already in the recipient's language (queued so). */
  cause: string
  /** Country names already in the recipient's language (queued so). */
  transitions: { countryName: string; countryCode: string; entered: boolean; coefficient: string | null }[]
  dashboardUrl: string
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
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
  language,
}: Partial<ReturnAlertEmailProps>) {
  const t = emailTranslator(language)
  const entered = transitions.filter((transition) => transition.entered)
  const left = transitions.filter((transition) => !transition.entered)
  const line = (transition: ReturnAlertEmailProps['transitions'][number]) =>
    t('returnAlert.line', { country: transition.countryName, code: transition.countryCode, coefficient: transition.coefficient ?? t('returnAlert.noCoefficient') })
  return (
    <EmailLayout language={language} preview={t('returnAlert.preview', { codes: transitions.map((transition) => transition.countryCode).join(', ') })}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {t('returnAlert.heading')}
      </Heading>
      <Text>{t('greeting', { name })}</Text>
      <Text>
        {t('returnAlert.why')}{' '}
        {statusYear
          ? t('returnAlert.recomputedInStatusYear', { statusYear, nextYear: statusYear + 1, window: windowLabel, cause })
          : t('returnAlert.recomputed', { window: windowLabel, cause })}
      </Text>
      {entered.length ? (
        <>
          <Text style={{ fontWeight: 700 }}>{t('returnAlert.entered')}</Text>
          {entered.map((transition) => (
            <Text key={transition.countryCode}>{line(transition)}</Text>
          ))}
        </>
      ) : null}
      {left.length ? (
        <>
          <Text style={{ fontWeight: 700 }}>{t('returnAlert.left')}</Text>
          {left.map((transition) => (
            <Text key={transition.countryCode}>{line(transition)}</Text>
          ))}
        </>
      ) : null}
      <ActionLink href={dashboardUrl} label={t('returnAlert.button')} />
      <Text style={{ color: '#5b6475' }}>{t('returnAlert.stays')}</Text>
    </EmailLayout>
  )
}

export default ReturnAlertEmail
