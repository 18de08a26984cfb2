import { Section, Text } from '@react-email/components'
import type { Language } from '~/i18n/languages'
import { emailTranslator } from './i18n'

export type JustificationSummaryProps = {
  reference: string
  title: string
  requesterName: string
  groupCode: string
  supplierName: string
  supplierCountry: string
  originCountry: string | null
  category: string
  amount: string
  amountChf: string | null
  reason: string
}

/** The facts of a justification, the same in every email about it: one line a fact, so it reads on a phone. */
export function JustificationSummary({ language, ...props }: JustificationSummaryProps & { language?: Language | undefined }) {
  const t = emailTranslator(language)
  const rows: [string, string][] = [
    [t('summary.reference'), props.reference],
    [t('summary.title'), props.title],
    [t('summary.requester'), `${props.requesterName} (${props.groupCode})`],
    [t('summary.supplier'), `${props.supplierName}, ${props.supplierCountry}`],
    ...(props.originCountry ? ([[t('summary.origin'), props.originCountry]] as [string, string][]) : []),
    [t('summary.category'), props.category],
    [t('summary.amount'), props.amountChf && props.amountChf !== props.amount ? `${props.amount} (${props.amountChf})` : props.amount],
    [t('summary.reason'), props.reason],
  ]
  return (
    <Section style={{ backgroundColor: '#f4f5f7', padding: '8px 12px', margin: '12px 0' }}>
      {rows.map(([label, value]) => (
        <Text key={label} style={{ margin: '2px 0', lineHeight: '20px' }}>
          <strong>{t('summary.labelled', { label })}</strong> {value}
        </Text>
      ))}
    </Section>
  )
}

export const exampleSummary: JustificationSummaryProps = {
  reference: 'SSJ-2026-00042',
  title: 'Spare cryocooler heads for the test bench',
  requesterName: 'Rita Romano',
  groupCode: 'EN-MME',
  supplierName: 'Cryo Instruments AG',
  supplierCountry: 'Switzerland',
  originCountry: 'Germany',
  category: 'Supplies',
  amount: 'EUR 63’000.00',
  amountChf: 'CHF 59’295.60',
  reason: 'Compatibility or standardisation with installed equipment',
}
