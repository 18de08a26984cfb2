import { describe, expect, test } from 'vitest'
import { fieldErrorsIn } from '~/i18n/said.test-support'
import { parseForm } from '~/ui/parse-form'
import { PublishPolicySchema } from './policy-forms'

const form = (fields: Record<string, string>) =>
  parseForm(
    new URLSearchParams({ intent: 'publish-policy', effectiveFrom: '2027-01-04', splitPurchaseWindowDays: '90', 'tiers[0].threshold': '10’000', 'tiers[0].role': 'GROUP_LEADER', ...fields }),
    { schema: PublishPolicySchema },
  )

describe('the policy form’s quote threshold', () => {
  test('an amount in CHF, Swiss notation accepted, read in minor units', () => {
    expect(form({ quoteExpectedAbove: '50’000.00' })).toMatchObject({ status: 'success', value: { quoteExpectedAboveChfMinor: 5_000_000 } })
    expect(form({ quoteExpectedAbove: '25000' })).toMatchObject({ status: 'success', value: { quoteExpectedAboveChfMinor: 2_500_000 } })
  })

  test('zero: a quote is expected at every amount', () => {
    expect(form({ quoteExpectedAbove: '0' })).toMatchObject({ status: 'success', value: { quoteExpectedAboveChfMinor: 0 } })
  })

  test.each([['', 'Enter the amount in CHF above which a supplier’s quote is expected.'], ['fifty thousand', null], ['-5', null]])('%j is refused on its field', (text, message) => {
    const submission = form({ quoteExpectedAbove: text })
    if (submission.status === 'success') throw new Error('accepted')
    const errors = fieldErrorsIn('en', submission.error).quoteExpectedAbove
    expect(errors?.length).toBeGreaterThan(0)
    if (message) expect(errors).toEqual([message])
  })
})

describe('the policy form’s tiers', () => {
  test('the workflow’s ordering rules are said on the row that breaks them, in the reader’s language', () => {
    const submission = form({ quoteExpectedAbove: '0', 'tiers[1].threshold': '5’000', 'tiers[1].role': 'GROUP_LEADER' })
    if (submission.status === 'success') throw new Error('accepted')
    expect(fieldErrorsIn('en', submission.error)).toEqual({
      'tiers[1].threshold': ['Thresholds must strictly increase from one tier to the next.'],
      'tiers[1].role': ['Each tier must name a role higher in the hierarchy than the tier before it.'],
    })
    expect(fieldErrorsIn('fr', submission.error)['tiers[1].role']).toEqual(['Chaque palier doit nommer une fonction plus élevée dans la hiérarchie que le palier précédent.'])
  })
})
