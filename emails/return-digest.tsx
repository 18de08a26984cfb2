import { Heading, Section, Text } from '@react-email/components'
import type { Language } from '~/i18n/languages'
import { ActionLink } from './action-link'
import { emailTranslator } from './i18n'
import { EmailLayout } from './layout'

export type ReturnDigestUnit = {
  label: string
  totalChf: string
  contractCount: number
  /** Country names, amounts and shares already in the recipient's language (queued so). */
  rows: { country: string; value: string; count: number; share: string; organisationShare: string }[]
}

export type ReturnDigestEmailProps = {
  name: string
  periodLabel: string
  windowLabel: string
  units: ReturnDigestUnit[]
  pageUrl: string
  /** The recipient's language, chosen when the email was queued (English when absent). */
  language?: Language
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
  language,
}: Partial<ReturnDigestEmailProps>) {
  const t = emailTranslator(language)
  return (
    <EmailLayout language={language} preview={t('returnDigest.preview', { window: windowLabel, period: periodLabel })}>
      <Heading as="h1" style={{ fontSize: '20px' }}>
        {t('returnDigest.heading')}
      </Heading>
      <Text>{t('greeting', { name })}</Text>
      <Text>{t('returnDigest.intro', { period: periodLabel, window: windowLabel })}</Text>
      {units.map((unit) => (
        <Section key={unit.label}>
          <Heading as="h2" style={{ fontSize: '16px' }}>
            {t('returnDigest.unitTotal', { unit: unit.label, total: unit.totalChf, count: unit.contractCount })}
          </Heading>
          {unit.rows.length === 0 ? (
            <Text>{t('returnDigest.noContract')}</Text>
          ) : (
            // One line a country rather than a five-column table, which would not fit a phone's width.
            unit.rows.map((row) => (
              <Text key={row.country} style={{ margin: '4px 0', lineHeight: '20px' }}>
                <strong>{row.country}</strong>
                {t('returnDigest.row', { value: row.value, count: row.count, share: row.share, organisationShare: row.organisationShare })}
              </Text>
            ))
          )}
        </Section>
      ))}
      <ActionLink href={pageUrl} label={t('returnDigest.button')} />
    </EmailLayout>
  )
}

export default ReturnDigestEmail
