import type { Database } from '~/db/client.server'
import { outboxSecret, sealBody } from './sealed-body.server'

/**
 * Seals the bodies that messages queued before bodies were sealed still hold in clear (waiting or
 * failed ones: the migration emptied the sent ones). Runs once when the outbox worker starts; the
 * conditional update leaves alone a row that another instance sealed meanwhile. Returns how many.
 */
export async function sealUnsealedBodies(db: Database, secret = outboxSecret()): Promise<number> {
  const unsealed = await db.outboxMessage.findMany({
    where: { unsealedHtml: { not: null }, unsealedText: { not: null } },
    select: { id: true, messageId: true, toAddress: true, unsealedHtml: true, unsealedText: true },
  })
  let sealed = 0
  for (const message of unsealed) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: message.id, unsealedHtml: { not: null } },
      data: { ...sealBody({ html: message.unsealedHtml!, text: message.unsealedText! }, message, secret), unsealedHtml: null, unsealedText: null },
    })
    sealed += count
  }
  return sealed
}
