/** Reading the contract ledger, a page at a time (it may hold millions of rows). */
import type { DatabaseOrTransaction } from '~/db/client.server'
import { isoDateOfColumn } from '~/calendar/date-column'
import { minorFromColumn } from '~/money/minor-units'
import { VISIBLE_CONTRACT } from './visible-contracts.server.ts'

export const CONTRACTS_PER_PAGE = 50

export async function listContracts(db: DatabaseOrTransaction, { q, page }: { q: string; page: number }) {
  const where = q ? { OR: [{ orderNumber: { startsWith: q } }, { supplierName: { startsWith: q, mode: 'insensitive' as const } }] } : {}
  const rows = await db.contract.findMany({
    where: { AND: [where, VISIBLE_CONTRACT] },
    orderBy: [{ awardedOn: 'desc' }, { orderNumber: 'desc' }],
    skip: (page - 1) * CONTRACTS_PER_PAGE,
    take: CONTRACTS_PER_PAGE + 1,
    include: { department: { select: { code: true } }, group: { select: { code: true } }, justification: { select: { reference: true } } },
  })
  return {
    hasMore: rows.length > CONTRACTS_PER_PAGE,
    contracts: rows.slice(0, CONTRACTS_PER_PAGE).map((c) => ({
      id: c.id,
      orderNumber: c.orderNumber,
      awardedOn: isoDateOfColumn(c.awardedOn),
      supplierName: c.supplierName,
      category: c.category,
      originCountryCode: c.originCountryCode,
      establishmentCountryCode: c.establishmentCountryCode,
      returnCountryCode: c.returnCountryCode,
      amountMinor: minorFromColumn(c.amountMinor),
      currency: c.currency,
      amountChfMinor: minorFromColumn(c.amountChfMinor),
      exchangeRate: c.exchangeRate,
      unit: c.group?.code ?? c.department.code,
      source: c.source,
      justificationReference: c.justification?.reference ?? null,
    })),
  }
}
