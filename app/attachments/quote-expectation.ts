import { formatChf } from '~/money/amount'
import type { AttachmentKind } from './attachment-kinds'

/** The schema's default threshold (SignaturePolicy.quoteExpectedAboveChfMinor): 50’000 CHF. */
export const DEFAULT_QUOTE_EXPECTED_ABOVE_CHF_MINOR = 5_000_000

/**
 * Whether a supplier's quote is expected and missing: the CHF amount is strictly above the policy's
 * threshold and no current document is a quote. A warning and a flag, never a refusal: some
 * purchases (a renewal at list price, a public tariff) have no quote to attach.
 */
export function quoteMissing({ amountChfMinor, thresholdChfMinor, kinds }: { amountChfMinor: number; thresholdChfMinor: number; kinds: readonly AttachmentKind[] }): boolean {
  return amountChfMinor > thresholdChfMinor && !kinds.includes('QUOTE')
}

/** The warning the review and the draft page show, or null when no quote is missing. */
export function quoteMissingWarning(input: { amountChfMinor: number; thresholdChfMinor: number; kinds: readonly AttachmentKind[] }): string | null {
  return quoteMissing(input) ? `Above ${formatChf(input.thresholdChfMinor)} a supplier’s quote is expected; none is attached.` : null
}
