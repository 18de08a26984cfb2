import type { DatabaseOrTransaction } from '~/db/client.server'
import { formatChf, parseAmount } from '~/money/amount'
import { toChfMinor } from '~/money/conversion'
import { isCurrency } from '~/money/currency'
import { calendarDateIn } from '~/workflow/calendar-date'
import { policyInForce, type SignaturePolicy } from '~/workflow/policy'
import { loadPolicies, rateOn } from './policy.server'

/** How the split-purchase check recognises one supplier across spellings of its name. */
export function supplierKeyOf(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export type SplitPurchaseCheck = {
  flagged: boolean
  /** The threshold the combined total crosses while each justification alone stays at or under it. */
  thresholdChfMinor: number | null
  totalChfMinor: number
  related: { id: string; reference: string; amountChfMinor: number; submittedAt: Date }[]
  message: string | null
}

/**
 * Several justifications to one supplier from one group, each under a signature threshold, that
 * together cross it (Coupa's Spend Guard pattern): the others counted are those submitted within
 * the policy's window before `at`, not withdrawn.
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
    /** Name the related justifications and the total: only for someone who may see them all. */
    detailed?: boolean
  },
): Promise<SplitPurchaseCheck> {
  const since = new Date(input.at.getTime() - input.windowDays * 24 * 60 * 60 * 1000)
  const others = await db.justification.findMany({
    where: {
      groupId: input.groupId,
      supplierKey: supplierKeyOf(input.supplierName),
      submittedAt: { gte: since, lte: input.at },
      status: { notIn: ['DRAFT', 'WITHDRAWN'] },
      ...(input.justificationId ? { id: { not: input.justificationId } } : {}),
    },
    select: { id: true, reference: true, amountChfMinor: true, submittedAt: true },
    orderBy: { submittedAt: 'asc' },
  })
  const related = others.map((o) => ({ id: o.id, reference: o.reference, amountChfMinor: Number(o.amountChfMinor ?? 0n), submittedAt: o.submittedAt! }))
  const amounts = [input.amountChfMinor, ...related.map((r) => r.amountChfMinor)]
  const totalChfMinor = amounts.reduce((sum, amount) => sum + amount, 0)
  const crossed = input.policy.tiers
    .map((tier) => tier.aboveChfMinor)
    .find((threshold) => totalChfMinor > threshold && amounts.every((amount) => amount <= threshold))
  if (crossed === undefined || related.length === 0) {
    return { flagged: false, thresholdChfMinor: null, totalChfMinor, related, message: null }
  }
  return {
    flagged: true,
    thresholdChfMinor: crossed,
    totalChfMinor,
    related,
    message:
      input.detailed === false
        ? `Other justifications to the same supplier from the same group in the last ${input.windowDays} days, together with this one, go above ${formatChf(crossed)}, which each one alone stays under. Procurement will see a split-purchase flag.`
        : `With ${related.map((r) => r.reference).join(', ')} to the same supplier from the same group in the last ${input.windowDays} days, ` +
          `the total is ${formatChf(totalChfMinor)}: above ${formatChf(crossed)}, which each one alone stays under.`,
  }
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
  const [rate, policies] = await Promise.all([rateOn(db, input.currency, today), loadPolicies(db)])
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
