/**
 * The supplier register's identity of a supplier (client-safe, pure): "Vakuum Technik GmbH",
 * "VAKUUM-TECHNIK gmbh" and "Vakuum  Téchnik, GmbH" are one supplier, "vakuum technik". Lower case,
 * accents, punctuation and the legal form at the end (AG, GmbH, SA, Ltd, S.p.A., GmbH & Co. KG, …)
 * removed, words separated by one space. The same steps as the split-purchase key
 * (app/justifications/supplier-name.ts), which joins the words without spaces.
 */
import { supplierNameWords } from '~/justifications/supplier-name'

export function normaliseSupplierName(name: string): string {
  return supplierNameWords(name).join(' ')
}
