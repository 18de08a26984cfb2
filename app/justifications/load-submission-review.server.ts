import type { SignedInPerson } from '~/auth/session.server'
import { formatDate } from '~/calendar/format-date'
import type { Database } from '~/db/client.server'
import { loadFilingTimeReturn } from '~/industrial-return/views/filing-time.server'
import { formatChf, formatMoney } from '~/money/amount'
import { minorFromColumn } from '~/money/minor-units'
import type { Currency } from '~/money/currency'
import { groupName, personName, type OrgSnapshot } from '~/workflow/org-snapshot'
import { type ChainStep } from '~/workflow/signatories'
import { message } from '~/i18n/message'
import { assessSubmission } from './assess-submission.server'
import { categoryLabels, reasonLabels, type Category, type SingleSourceReason } from './labels'
import { loadJustificationForEdit } from './load-justification-for-edit.server'
import { seesGroupOf } from './visibility.server'
import { alternativeSuppliersFor } from '~/industrial-return/suppliers/load-register-for-filing.server'
import { messageList } from '~/industrial-return/ledger/message-list'

/**
 * "Marta Mendes, group leader of EN-MME"; someone standing in says for whom, and why. As messages
 * (the role as its code, the why as the workflow's explanation), worded by the page in its reader's language.
 */
function describeSignatory(org: OrgSnapshot, carryingGroupId: string, step: ChainStep) {
  const group = org.groups.find((g) => g.id === carryingGroupId)
  const scope =
    step.role === 'GROUP_LEADER'
      ? groupName(org, carryingGroupId)
      : step.role === 'DEPARTMENT_HEAD' && group
        ? (org.departments?.find((d) => d.id === group.departmentId)?.name ?? group.departmentId)
        : null
  const values = { name: personName(org, step.signatoryId), role: step.role, ...(scope === null ? {} : { scope }) }
  const standsIn = step.reason !== 'POSITION'
  const key = `justifications:review.signatory.${standsIn ? 'for' : 'as'}${scope === null ? '' : 'Of'}`
  return { who: message(key, values), why: standsIn ? step.explanation : null }
}

/**
 * What the review page shows before the requester confirms a submission: the justification's facts,
 * and what submitting it now would do (assessSubmission): CHF equivalent and rate, who is asked to
 * sign in order, the documents that go with it, split-purchase, duplicate and missing-quote
 * warnings, the country's industrial-return band, and
 * the fingerprint the confirmation sends back. Only the requester's own editable justification.
 */
export async function loadSubmissionReview(db: Database, person: SignedInPerson, id: string | undefined, now: Date) {
  const loaded = await loadJustificationForEdit(db, person.id, id)
  if (loaded.outcome !== 'EDITABLE') return loaded
  const j = loaded.justification
  const codes = [j.supplierCountryCode, ...(j.originCountryCode ? [j.originCountryCode] : [])]
  const [assessed, countries, filingTimeReturn] = await Promise.all([
    assessSubmission(db, { ...j, requesterId: person.id }, now, { detailed: seesGroupOf(person, j.groupId) }),
    db.country.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } }),
    loadFilingTimeReturn(db, now),
  ])
  const category = j.category as Category
  const alternatives = await alternativeSuppliersFor(db, { supplierName: j.supplierName, supplierCountryCode: j.supplierCountryCode, category, activityCode: j.activityCode ?? undefined }, filingTimeReturn)
  const countryName = (code: string | null) =>
    code ? (countries.find((c) => c.code === code)?.name ?? filingTimeReturn.countries.find((c) => c.code === code)?.name ?? code) : null
  const facts = {
    id: j.id,
    reference: j.reference,
    title: j.title,
    status: j.status,
    rowVersion: j.rowVersion,
    supplier: j.supplierName,
    supplierCountry: countryName(j.supplierCountryCode),
    originCountry: category === 'SUPPLIES' ? countryName(j.originCountryCode) : null,
    category: categoryLabels[category],
    reason: reasonLabels[j.reason as SingleSourceReason],
    categoryCode: category,
    reasonCode: j.reason as SingleSourceReason,
    amount: formatMoney(minorFromColumn(j.amountMinor), j.currency as Currency),
    // The amount as figures, for the page to write in its reader's language.
    amountMinor: minorFromColumn(j.amountMinor),
    currency: j.currency as Currency,
    activityCode: j.activityCode,
    // Registered suppliers in very poorly balanced countries with the same activity, and why none can deliver (ADR 044).
    alternativeSuppliers: alternatives.map((s) => ({ name: s.name, country: countryName(s.countryCode) ?? s.countryCode })),
    alternativeSuppliersReason: j.alternativeSuppliersReason,
  }
  if (alternatives.length > 0 && !j.alternativeSuppliersReason) {
    return { outcome: 'EDITABLE' as const, facts, assessment: { ok: false as const, message: message('forms:justification.alternativeSuppliers.missingOnReview') } }
  }
  if (!assessed.ok) {
    const details = Object.values(assessed.failure.kind === 'INVALID' ? assessed.failure.fieldErrors : {}).flat()
    return { outcome: 'EDITABLE' as const, facts, assessment: { ok: false as const, message: messageList([assessed.failure.message, ...details]) } }
  }
  const { prepared, rate, policy, org, split, attachments, quoteWarning } = assessed
  const firstThreshold = policy.tiers[0]!.aboveChfMinor
  return {
    outcome: 'EDITABLE' as const,
    facts,
    assessment: {
      ok: true as const,
      amountChf: formatChf(prepared.chfMinor),
      amountChfMinor: prepared.chfMinor,
      // A CHF amount has no rate to speak of.
      rate: assessed.currency === 'CHF' ? null : `${prepared.rate.text} CHF per ${assessed.currency}, rate valid from ${formatDate(rate.validFrom)}`,
      rateParts: assessed.currency === 'CHF' ? null : { rate: prepared.rate.text, currency: assessed.currency, validFromIso: new Date(rate.validFrom).toISOString() },
      policyVersion: policy.version,
      signatories: prepared.event.chain.map((step) => describeSignatory(org, j.groupId, step)),
      noSignatureAtOrBelow: prepared.event.chain.length === 0 ? formatChf(firstThreshold) : null,
      noSignatureAtOrBelowMinor: prepared.event.chain.length === 0 ? firstThreshold : null,
      splitPurchaseWarning: split.message,
      documents: attachments.map(({ id, kind, kindLabel, fileName, sizeText, sha256 }) => ({ id, kind, kindLabel, fileName, sizeText, sha256 })),
      quoteWarning,
      returnPanel: {
        data: filingTimeReturn,
        // The country a contract counts for: origin of the goods for supplies, establishment for services.
        countryCode: category === 'SUPPLIES' ? (j.originCountryCode ?? j.supplierCountryCode) : j.supplierCountryCode,
        category,
        amountChfMinor: prepared.chfMinor,
      },
      fingerprint: assessed.fingerprint,
    },
  }
}
