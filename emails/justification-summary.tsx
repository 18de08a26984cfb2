import { Section, Text } from '@react-email/components'

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
export function JustificationSummary(props: JustificationSummaryProps) {
  const rows: [string, string][] = [
    ['Reference', props.reference],
    ['Title', props.title],
    ['Requester', `${props.requesterName} (${props.groupCode})`],
    ['Supplier', `${props.supplierName}, ${props.supplierCountry}`],
    ...(props.originCountry ? ([['Origin of the goods', props.originCountry]] as [string, string][]) : []),
    ['Category', props.category],
    ['Amount', props.amountChf && props.amountChf !== props.amount ? `${props.amount} (${props.amountChf})` : props.amount],
    ['Why single source', props.reason],
  ]
  return (
    <Section style={{ backgroundColor: '#f4f5f7', padding: '8px 12px', margin: '12px 0' }}>
      {rows.map(([label, value]) => (
        <Text key={label} style={{ margin: '2px 0', lineHeight: '20px' }}>
          <strong>{label}:</strong> {value}
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
