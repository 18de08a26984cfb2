/**
 * Procurement's CSV import of the supplier register (ADR 044): every valid line is registered or
 * brings its supplier up to date, by normalised name, so importing the same file twice changes
 * nothing; every refused line is reported with its number and why. Lines are independent (one bad
 * line does not keep the others out), and the whole import is one transaction.
 */
import { appendAuditEvent, type RequestOrigin } from '~/audit/audit.server'
import { firstLineWithNul } from '~/csv/read-csv'
import { message } from '~/i18n/message'
import type { Database } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import { parseSupplierCsv, type SupplierCsvProblem, type SupplierCsvRow } from './supplier-csv'

/** `error` and each refused line's `message` are messages, said in the reader's language on the page. */
export type SupplierImportOutcome =
  | { ok: true; registered: number; updated: number; unchanged: number; refused: SupplierCsvProblem[] }
  | { ok: false; error: string; refused: SupplierCsvProblem[] }

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i])

export async function importSuppliersCsv(
  db: Database,
  text: string,
  { fileName, actorId, now, origin }: { fileName: string; actorId: string; now: Date; origin?: RequestOrigin },
): Promise<SupplierImportOutcome> {
  const nulLine = firstLineWithNul(text.split(/\r?\n/))
  if (nulLine !== null) return { ok: false, error: message('return-data:suppliers.file.nul', { line: nulLine }), refused: [] }
  const parsed = parseSupplierCsv(text)
  if (parsed.fileError) return { ok: false, error: parsed.fileError, refused: [] }
  const codes = [...new Set(parsed.rows.flatMap((row) => [row.establishmentCountryCode, ...row.originCountryCodes]))]
  const known = new Set((await db.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code))
  const refused = [...parsed.refused]
  const rows: SupplierCsvRow[] = []
  for (const row of parsed.rows) {
    const unknown = [row.establishmentCountryCode, ...row.originCountryCodes].filter((code) => !known.has(code))
    if (unknown.length > 0) refused.push({ line: row.line, name: row.name, message: message('return-data:suppliers.line.unknownCountry', { count: new Set(unknown).size, codes: [...new Set(unknown)].join(', ') }) })
    else rows.push(row)
  }
  refused.sort((a, b) => a.line - b.line)
  if (rows.length === 0 && refused.length === 0) return { ok: false, error: message('return-data:suppliers.file.noLine'), refused }
  try {
    return await db.$transaction(async (tx) => {
      const counts = { registered: 0, updated: 0, unchanged: 0 }
      const existing = new Map((await tx.supplier.findMany({ where: { normalizedName: { in: rows.map((r) => r.normalizedName) } } })).map((s) => [s.normalizedName, s]))
      for (const row of rows) {
        const facts = { name: row.name, establishmentCountryCode: row.establishmentCountryCode, originCountryCodes: row.originCountryCodes, activityCodes: row.activityCodes }
        const before = existing.get(row.normalizedName)
        const audit = { actorId, subject: `supplier:${row.normalizedName}`, origin, at: now }
        if (!before) {
          const created = await tx.supplier.create({ data: { ...facts, normalizedName: row.normalizedName, source: 'CSV', createdAt: now, updatedAt: now } })
          await appendAuditEvent(tx, { type: 'SUPPLIER_REGISTERED', ...audit, payload: { supplierId: created.id, normalizedName: row.normalizedName, ...facts, via: 'CSV' } })
          counts.registered++
          continue
        }
        const changes: Record<string, { from: unknown; to: unknown }> = {}
        if (before.name !== row.name) changes.name = { from: before.name, to: row.name }
        if (before.establishmentCountryCode !== row.establishmentCountryCode) changes.establishmentCountryCode = { from: before.establishmentCountryCode, to: row.establishmentCountryCode }
        if (!sameList(before.originCountryCodes, row.originCountryCodes)) changes.originCountryCodes = { from: before.originCountryCodes, to: row.originCountryCodes }
        if (!sameList(before.activityCodes, row.activityCodes)) changes.activityCodes = { from: before.activityCodes, to: row.activityCodes }
        if (Object.keys(changes).length === 0) {
          counts.unchanged++
          continue
        }
        await tx.supplier.update({ where: { id: before.id }, data: { ...facts, updatedAt: now } })
        await appendAuditEvent(tx, { type: 'SUPPLIER_UPDATED', ...audit, payload: { supplierId: before.id, normalizedName: row.normalizedName, ...facts, via: 'CSV', changes } })
        counts.updated++
      }
      await appendAuditEvent(tx, { type: 'SUPPLIER_IMPORT_RUN', actorId, subject: 'supplier-register', payload: { fileName, ...counts, refused: refused.length }, origin, at: now })
      return { ok: true as const, ...counts, refused }
    })
  } catch (error) {
    // Another import or a submission registered one of these names a moment ago: nothing was written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return { ok: false, error: message('return-data:suppliers.file.raced'), refused }
    }
    throw error
  }
}
