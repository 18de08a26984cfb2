/**
 * The registered suppliers in very poorly balanced countries a filing is shown (client-safe): in the
 * form as the requester types, on the review page, and to signatories with the reason given.
 */
import { Notice } from '~/ui/notice'
import type { SuggestedSupplier } from './supplier-suggestions'

export function AlternativeSuppliersNotice({
  suppliers,
  countryName,
  supplierCountry,
}: {
  suppliers: readonly SuggestedSupplier[]
  countryName: (code: string) => string
  supplierCountry: string
}) {
  return (
    <Notice
      tone="warning"
      title={`${supplierCountry} is well balanced. Registered suppliers in very poorly balanced countries with this activity (${suppliers.length}):`}
      items={suppliers.map((s) => `${s.name} (${countryName(s.countryCode)})`)}
    />
  )
}
