/**
 * Recording the award of an approved single-source justification: the contract enters the ledger and
 * the rollup in one transaction, then the alerts are refreshed.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Database, DatabaseOrTransaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { parseAmount } from '~/money/amount'
import { isCurrency } from '~/money/currency'
import { findRateOn } from '~/money/exchange-rates.server'
import { minorToColumn } from '~/money/minor-units'
import { message } from '~/i18n/message'
import type { AwardInput } from './award-form.ts'
import { amountProblemMessage, chfEquivalentOrProblem } from './amount-messages.ts'
import { refreshReturnAlerts } from '../alerts/refresh-return-alerts.server.ts'
import { returnCountryOf } from './contract-csv.ts'
import { calendarDateIn } from '~/calendar/calendar-date'
import { dateColumn, isoDateOfColumn } from '~/calendar/date-column'
import { addContractsToRollup } from './rollup.server.ts'
import { recordNamedSupplier } from '../suppliers/record-named-supplier.server.ts'

/** Field and form errors are messages (app/i18n/message.ts), said in the reader's language on the page. */
export type AwardOutcome =
  | { ok: true; contractId: string; orderNumber: string }
  | { ok: false; fieldErrors?: Partial<Record<keyof AwardInput, string[]>>; formError?: string }

/** The rate for the final amount: CHF is 1; otherwise the one fixed on the justification, else the rate table's. */
async function rateFor(db: DatabaseOrTransaction, justification: { currency: string; exchangeRate: string | null; exchangeRateDate: Date | null }, awardedOn: string) {
  if (justification.currency === 'CHF') return { rate: '1', date: awardedOn }
  if (justification.exchangeRate && justification.exchangeRateDate) return { rate: justification.exchangeRate, date: isoDateOfColumn(justification.exchangeRateDate) }
  if (!isCurrency(justification.currency)) return null
  const valid = await findRateOn(db, justification.currency, awardedOn)
  return valid ? { rate: valid.rate.text, date: valid.validFrom } : null
}

export async function awardJustification(
  db: Database,
  justificationId: string,
  input: AwardInput,
  { actorId, now, origin, appUrl }: { actorId: string; now: Date; origin?: RequestOrigin; appUrl: string },
): Promise<AwardOutcome> {
  if (input.awardedOn > calendarDateIn(now)) return { ok: false, fieldErrors: { awardedOn: [message('return-data:award.errors.dateFuture')] } }
  const amount = parseAmount(input.amount)
  if (!amount.ok) return { ok: false, fieldErrors: { amount: [amountProblemMessage(amount.problem)] } }

  let outcome: AwardOutcome
  try {
    outcome = await db.$transaction(async (tx): Promise<AwardOutcome> => {
      const justification = await tx.justification.findUnique({ where: { id: justificationId }, include: { group: true, contract: { select: { id: true } } } })
      if (!justification) return { ok: false, formError: message('return-data:award.errors.noJustification') }
      if (justification.status !== 'APPROVED') return { ok: false, formError: message('return-data:award.onlyApproved') }
      if (justification.contract) return { ok: false, formError: message('return-data:award.errors.alreadyRecorded') }
      if (!isCurrency(justification.currency)) return { ok: false, formError: message('return-data:award.errors.currency', { currency: justification.currency }) }
      // An import that has begun moving a row under this number holds it (finish-import.server.ts, ADR 040).
      const clash = await tx.contract.findUnique({ where: { orderNumber: input.orderNumber }, select: { importJob: { select: { status: true, fileName: true } } } })
      if (clash?.importJob && clash.importJob.status !== 'SUCCEEDED') {
        const beingImported = message('return-data:award.errors.beingImported', { orderNumber: input.orderNumber, fileName: clash.importJob.fileName })
        return { ok: false, fieldErrors: { orderNumber: [beingImported] } }
      }
      if (clash) return { ok: false, fieldErrors: { orderNumber: [message('return-data:award.errors.inLedger', { orderNumber: input.orderNumber })] } }
      const rate = await rateFor(tx, justification, input.awardedOn)
      if (!rate) return { ok: false, formError: message('return-data:award.errors.noRate', { currency: justification.currency, date: input.awardedOn }) }
      const converted = chfEquivalentOrProblem(amount.minor, justification.currency, rate.rate)
      if (!converted.ok) return { ok: false, fieldErrors: { amount: [converted.message] } }

      const returnCountryCode = returnCountryOf(justification.category, justification.originCountryCode, justification.supplierCountryCode)
      const contract = await tx.contract.create({
        data: {
          orderNumber: input.orderNumber,
          awardedOn: dateColumn(input.awardedOn),
          supplierName: justification.supplierName,
          originCountryCode: justification.originCountryCode,
          establishmentCountryCode: justification.supplierCountryCode,
          returnCountryCode,
          category: justification.category,
          amountMinor: minorToColumn(amount.minor),
          currency: justification.currency,
          amountChfMinor: minorToColumn(converted.chfMinor),
          exchangeRate: converted.rate.text,
          exchangeRateDate: dateColumn(rate.date),
          departmentId: justification.group.departmentId,
          groupId: justification.groupId,
          justificationId: justification.id,
          source: 'AWARD',
          recordedById: actorId,
        },
      })
      await addContractsToRollup(tx, [contract.id])
      await recordNamedSupplier(
        tx,
        { name: justification.supplierName, establishmentCountryCode: justification.supplierCountryCode, originCountryCode: justification.originCountryCode, activityCode: justification.activityCode },
        { via: 'AWARD', justificationId: justification.id, actorId, now, origin },
      )
      await appendAuditEvent(tx, {
        type: 'CONTRACT_AWARDED',
        actorId,
        subject: `justification:${justification.id}`,
        payload: {
          contractId: contract.id,
          orderNumber: contract.orderNumber,
          justificationId: justification.id,
          awardedOn: input.awardedOn,
          amountMinor: amount.minor,
          currency: justification.currency,
          amountChfMinor: converted.chfMinor,
          returnCountryCode,
        },
        origin,
        at: now,
      })
      return { ok: true, contractId: contract.id, orderNumber: contract.orderNumber }
    })
  } catch (error) {
    // Two officers awarding at once: the unique indexes decide, and the loser is told plainly.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, formError: message('return-data:award.errors.raced') }
    }
    throw error
  }
  if (outcome.ok) await refreshReturnAlerts(db, { now, cause: `Award of ${outcome.orderNumber}`, appUrl, actorId, origin })
  return outcome
}
