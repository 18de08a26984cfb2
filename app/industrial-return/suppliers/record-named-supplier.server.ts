/**
 * Grows the supplier register from a supplier named in a justification, when it is submitted or its
 * contract is awarded (ADR 044): a new normalised name registers the supplier; a known one gains the
 * country of origin and the activity code if it lacked them. The country of establishment of a
 * registered supplier is kept (the register, procurement's import, is its reference). Runs inside
 * the caller's transaction, so the supplier and the award or submission are written together.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import type { Transaction } from '~/db/client.server'
import { normaliseSupplierName } from './normalise-supplier-name'

export type NamedSupplier = {
  name: string
  establishmentCountryCode: string
  originCountryCode: string | null
  activityCode: string | null
}

export async function recordNamedSupplier(
  tx: Transaction,
  supplier: NamedSupplier,
  { via, justificationId, actorId, now, origin }: { via: 'AWARD' | 'JUSTIFICATION'; justificationId: string; actorId: string | null; now: Date; origin?: RequestOrigin },
): Promise<void> {
  const normalizedName = normaliseSupplierName(supplier.name)
  const originCountryCodes = [supplier.originCountryCode ?? supplier.establishmentCountryCode]
  const activityCodes = supplier.activityCode ? [supplier.activityCode] : []
  const id = crypto.randomUUID()
  // ON CONFLICT DO NOTHING: two submissions naming one new supplier at once register it once.
  const created = await tx.supplier.createMany({
    data: [{ id, name: supplier.name, normalizedName, establishmentCountryCode: supplier.establishmentCountryCode, originCountryCodes, activityCodes, source: via, createdAt: now, updatedAt: now }],
    skipDuplicates: true,
  })
  const audit = { actorId, subject: `supplier:${normalizedName}`, origin, at: now }
  if (created.count === 1) {
    await appendAuditEvent(tx, {
      type: 'SUPPLIER_REGISTERED',
      ...audit,
      payload: { supplierId: id, name: supplier.name, normalizedName, establishmentCountryCode: supplier.establishmentCountryCode, originCountryCodes, activityCodes, via, justificationId },
    })
    return
  }
  const known = await tx.supplier.findUniqueOrThrow({ where: { normalizedName } })
  const newOrigins = originCountryCodes.filter((code) => !known.originCountryCodes.includes(code))
  const newActivities = activityCodes.filter((code) => !known.activityCodes.includes(code))
  if (newOrigins.length === 0 && newActivities.length === 0) return
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  if (newOrigins.length) changes.originCountryCodes = { from: known.originCountryCodes, to: [...known.originCountryCodes, ...newOrigins] }
  if (newActivities.length) changes.activityCodes = { from: known.activityCodes, to: [...known.activityCodes, ...newActivities] }
  const updated = await tx.supplier.update({
    where: { id: known.id },
    data: {
      ...(newOrigins.length ? { originCountryCodes: { push: newOrigins } } : {}),
      ...(newActivities.length ? { activityCodes: { push: newActivities } } : {}),
      updatedAt: now,
    },
  })
  await appendAuditEvent(tx, {
    type: 'SUPPLIER_UPDATED',
    ...audit,
    payload: {
      supplierId: updated.id,
      name: updated.name,
      normalizedName,
      establishmentCountryCode: updated.establishmentCountryCode,
      originCountryCodes: updated.originCountryCodes,
      activityCodes: updated.activityCodes,
      via,
      justificationId,
      changes,
    },
  })
}
