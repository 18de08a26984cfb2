import type { DatabaseOrTransaction } from '~/db/client.server'
import { formatAmount } from '~/money/amount'
import { minorFromColumn, minorFromNullableColumn } from '~/money/minor-units'
import { isoDateOfColumn } from '~/calendar/date-column'
import { shownFields } from './awardable-fields.server.ts'

export async function loadAwardableJustification(db: DatabaseOrTransaction, justificationId: string) {
  const row = await db.justification.findUnique({
    where: { id: justificationId },
    select: {
      ...shownFields,
      status: true,
      exchangeRate: true,
      exchangeRateDate: true,
      group: { select: { code: true, name: true, department: { select: { code: true, name: true } } } },
      contract: { select: { orderNumber: true } },
    },
  })
  if (!row) return null
  const { amountMinor, amountChfMinor, exchangeRateDate, group, contract, ...shown } = row
  return {
    ...shown,
    amountMinor: minorFromColumn(amountMinor),
    amountText: formatAmount(minorFromColumn(amountMinor)),
    amountChfMinor: minorFromNullableColumn(amountChfMinor),
    exchangeRateDate: exchangeRateDate ? isoDateOfColumn(exchangeRateDate) : null,
    group: `${group.code} · ${group.name}`,
    department: `${group.department.code} · ${group.department.name}`,
    existingOrderNumber: contract?.orderNumber ?? null,
  }
}
