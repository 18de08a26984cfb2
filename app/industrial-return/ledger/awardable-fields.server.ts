import type { Prisma } from '~/generated/prisma/client'

// What both the list and the award page show of a justification.
export const shownFields = {
  id: true,
  reference: true,
  title: true,
  supplierName: true,
  supplierCountryCode: true,
  originCountryCode: true,
  category: true,
  amountMinor: true,
  currency: true,
  amountChfMinor: true,
} satisfies Prisma.JustificationSelect
