import type { DatabaseOrTransaction } from '~/db/client.server'
import type { Prisma } from '~/generated/prisma/client'
import { minorFromColumn, minorFromNullableColumn } from '~/money/minor-units'
import { shownFields } from './awardable-fields.server.ts'

const awardableWhere = { status: 'APPROVED', contract: { is: null } } satisfies Prisma.JustificationWhereInput

export async function listAwardableJustifications(db: DatabaseOrTransaction) {
  const rows = await db.justification.findMany({
    where: awardableWhere,
    orderBy: [{ decidedAt: 'asc' }, { reference: 'asc' }],
    take: 200,
    select: { ...shownFields, decidedAt: true, group: { select: { code: true } } },
  })
  return rows.map((row) => ({
    ...row,
    amountMinor: minorFromColumn(row.amountMinor),
    amountChfMinor: minorFromNullableColumn(row.amountChfMinor),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    group: row.group.code,
  }))
}
