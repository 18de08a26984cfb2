/** The supplier register as procurement's page lists it, by name. */
import type { DatabaseOrTransaction } from '~/db/client.server'

export async function listSuppliers(db: DatabaseOrTransaction) {
  const suppliers = await db.supplier.findMany({
    orderBy: { normalizedName: 'asc' },
    select: { id: true, name: true, normalizedName: true, establishmentCountryCode: true, establishmentCountry: { select: { name: true } }, originCountryCodes: true, activityCodes: true, source: true },
  })
  return suppliers.map(({ establishmentCountry, ...s }) => ({ ...s, establishmentCountryName: establishmentCountry.name }))
}
