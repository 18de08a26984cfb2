import type { DatabaseOrTransaction } from '~/db/client.server'
import { parseAmount } from '~/money/amount'
import { message } from '~/i18n/message'
import { explanationOf } from '~/workflow/explanation'
import { toChfMinor } from '~/money/conversion'
import { isCurrency } from '~/money/currency'
import { minorFromColumn } from '~/money/minor-units'
import { calendarDateIn } from '~/calendar/calendar-date'
import { policyInForce, type SignaturePolicy } from '~/workflow/signature-policy'
import { findRateOn } from '~/money/exchange-rates.server'
import { loadPolicies } from './signature-policy.server'
import { supplierKeyOf } from './supplier-name'
import { UUID } from '~/http/uuid'

/**
 * Likely duplicates: another justification for the same CHF amount to the same supplier from the
 * same group, submitted this many days before at most (the same order filed twice, or by two people).
 * A policy value of the split-purchase check, like the policy version's split-purchase window.
 */
export const LIKELY_DUPLICATE_WINDOW_DAYS = 7

type RelatedJustification = { id: string; reference: string; amountChfMinor: number; submittedAt: Date }

export type SplitPurchaseCheck = {
  /** A possible split purchase or a likely duplicate: what the stored flag, and procurement's list, show. */
  flagged: boolean
  /** The threshold the combined total crosses while each justification alone stays at or under it. */
  thresholdChfMinor: number | null
  totalChfMinor: number
  /** The others counted in the total: to the same supplier from the same group within the policy's window. */
  related: RelatedJustification[]
  /** The others for the same CHF amount within LIKELY_DUPLICATE_WINDOW_DAYS. */
  likelyDuplicates: RelatedJustification[]
  message: string | null
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Several justifications to one supplier (by its supplier key, see supplier-name.ts) from one group,
 * each under a signature threshold, that together cross it (Coupa's Spend Guard pattern): the others
 * counted are those submitted within the policy's window before `at`, not withdrawn. And likely
 * duplicates: one of those others for the same CHF amount, submitted a few days before at most.
 */
export async function checkSplitPurchase(
  db: DatabaseOrTransaction,
  input: {
    justificationId: string | null
    groupId: string
    supplierName: string
    amountChfMinor: number
    at: Date
    policy: SignaturePolicy
    windowDays: number
    duplicateWindowDays?: number
    /** Name the related justifications and the total: only for someone who may see them all. */
    detailed?: boolean
  },
): Promise<SplitPurchaseCheck> {
  const duplicateWindowDays = input.duplicateWindowDays ?? LIKELY_DUPLICATE_WINDOW_DAYS
  const splitSince = new Date(input.at.getTime() - input.windowDays * DAY_MS)
  const duplicateSince = new Date(input.at.getTime() - duplicateWindowDays * DAY_MS)
  const others = await db.justification.findMany({
    where: {
      groupId: input.groupId,
      supplierKey: supplierKeyOf(input.supplierName),
      submittedAt: { gte: splitSince < duplicateSince ? splitSince : duplicateSince, lte: input.at },
      status: { notIn: ['DRAFT', 'WITHDRAWN'] },
      ...(input.justificationId ? { id: { not: input.justificationId } } : {}),
    },
    select: { id: true, reference: true, amountChfMinor: true, submittedAt: true },
    orderBy: { submittedAt: 'asc' },
  })
  const candidates = others.map((o) => ({ id: o.id, reference: o.reference, amountChfMinor: minorFromColumn(o.amountChfMinor ?? 0n), submittedAt: o.submittedAt! }))
  const related = candidates.filter((c) => c.submittedAt >= splitSince)
  const likelyDuplicates = candidates.filter((c) => c.submittedAt >= duplicateSince && c.amountChfMinor === input.amountChfMinor)

  const amounts = [input.amountChfMinor, ...related.map((r) => r.amountChfMinor)]
  const totalChfMinor = amounts.reduce((sum, amount) => sum + amount, 0)
  const crossed =
    related.length === 0
      ? undefined
      : input.policy.tiers.map((tier) => tier.aboveChfMinor).find((threshold) => totalChfMinor > threshold && amounts.every((amount) => amount <= threshold))
  const thresholdChfMinor = crossed ?? null
  const detailed = input.detailed !== false
  const messages = [
    thresholdChfMinor === null ? null : splitPurchaseMessage({ related, totalChfMinor, thresholdChfMinor, windowDays: input.windowDays, detailed }),
    likelyDuplicates.length === 0 ? null : likelyDuplicateMessage({ likelyDuplicates, amountChfMinor: input.amountChfMinor, windowDays: duplicateWindowDays, detailed }),
  ].filter((message) => message !== null)
  return {
    flagged: messages.length > 0,
    thresholdChfMinor,
    totalChfMinor,
    related,
    likelyDuplicates,
    message: messages.length ? explanationOf(messages) : null,
  }
}

// The warnings as messages: the page, the form and the email word them in their reader's language.
function splitPurchaseMessage(input: { related: RelatedJustification[]; totalChfMinor: number; thresholdChfMinor: number; windowDays: number; detailed: boolean }) {
  return input.detailed
    ? message('justifications:splitPurchase.detailed', { references: input.related.map((r) => r.reference).join(', '), count: input.windowDays, total: input.totalChfMinor, threshold: input.thresholdChfMinor })
    : message('justifications:splitPurchase.undetailed', { count: input.windowDays, threshold: input.thresholdChfMinor })
}

function likelyDuplicateMessage(input: { likelyDuplicates: RelatedJustification[]; amountChfMinor: number; windowDays: number; detailed: boolean }) {
  return input.detailed
    ? message('justifications:splitPurchase.duplicateDetailed', { references: input.likelyDuplicates.map((d) => d.reference).join(', '), amount: input.amountChfMinor, count: input.windowDays })
    : message('justifications:splitPurchase.duplicateUndetailed', { count: input.windowDays })
}

/** The split-purchase warning for values still being typed into the form, or null. */
export async function splitPurchaseWarningFor(
  db: DatabaseOrTransaction,
  input: { justificationId: string | null; groupId: string; supplierName: string; amount: string; currency: string; now: Date; detailed: boolean },
): Promise<string | null> {
  const parsed = parseAmount(input.amount)
  if (!parsed.ok || !isCurrency(input.currency) || input.supplierName.trim().length < 2 || !UUID.test(input.groupId)) return null
  if (input.justificationId !== null && !UUID.test(input.justificationId)) return null
  const today = calendarDateIn(input.now)
  const [rate, policies] = await Promise.all([findRateOn(db, input.currency, today), loadPolicies(db)])
  const policy = policyInForce(policies, today)
  if (!rate || !policy) return null
  const check = await checkSplitPurchase(db, {
    justificationId: input.justificationId,
    groupId: input.groupId,
    supplierName: input.supplierName,
    amountChfMinor: toChfMinor(parsed.minor, rate.rate),
    at: input.now,
    policy,
    windowDays: policies.find((p) => p.version === policy.version)!.splitPurchaseWindowDays,
    detailed: input.detailed,
  })
  return check.message
}

