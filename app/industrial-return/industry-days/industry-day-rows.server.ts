// The Industry Day rows as the use cases and pages read them (shared by the files of this folder).
import { isoDateOfColumn } from '~/calendar/date-column'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { message } from '~/i18n/message'
import { Prisma } from '~/generated/prisma/client'
import type { IndustryDayFacts } from '../arithmetic/industry-day-shares.ts'
import type { IndustryDayKind, Invitation } from './industry-day-form.ts'

export interface IndustryDayRecord extends IndustryDayFacts {
  kind: IndustryDayKind
  isDemo: boolean
  version: number
  invitations: Invitation[]
}

export const INDUSTRY_DAY_SELECT = {
  id: true,
  heldOn: true,
  kind: true,
  countryCode: true,
  theme: true,
  isDemo: true,
  version: true,
  invitations: { select: { companyName: true, countryCode: true }, orderBy: { position: 'asc' } },
} satisfies Prisma.IndustryDaySelect

type Row = Prisma.IndustryDayGetPayload<{ select: typeof INDUSTRY_DAY_SELECT }>

export const industryDayRecordOf = (row: Row): IndustryDayRecord => ({
  id: row.id,
  heldOn: isoDateOfColumn(row.heldOn),
  kind: row.kind,
  countryCode: row.countryCode,
  theme: row.theme,
  isDemo: row.isDemo,
  version: row.version,
  invitations: row.invitations.map((i) => ({ companyName: i.companyName, countryCode: i.countryCode.trim() })),
})

export async function readIndustryDay(db: DatabaseOrTransaction, id: string): Promise<IndustryDayRecord | null> {
  const row = await db.industryDay.findUnique({ where: { id }, select: INDUSTRY_DAY_SELECT })
  return row && industryDayRecordOf(row)
}

/** A country removed between the form's loading and its saving: the foreign key refuses the row. */
export const isUnknownCountry = (error: unknown): boolean => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003'

export const UNKNOWN_COUNTRY = message('return-data:industryDays.errors.countryGone')
