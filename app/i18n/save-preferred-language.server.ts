import type { Database } from '~/db/client.server'
import type { Language } from './languages'

/**
 * Saves the language a person reads pages and receives emails in. A preference, not a procurement
 * fact: it is not part of the audit trail.
 */
export async function savePreferredLanguage(db: Database, personId: string, language: Language): Promise<void> {
  await db.person.update({ where: { id: personId }, data: { preferredLanguage: language } })
}
