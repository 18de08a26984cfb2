import type { DatabaseOrTransaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import type { JustificationEmailRow } from './notifications.server'

type JoinedRow = Omit<JustificationEmailRow, 'attachments'> & { attachments: Array<{ kind: string; fileName: string; sizeBytes: number | string; sha256: string }> }

/**
 * The row a transition reads (the justification with what its emails describe: requester, group,
 * countries, current documents) in one statement. Prisma's include reads each relation with a select
 * of its own (six round trips on the decision's hot path); this join answers exactly the same row
 * (load-transition-row.server.test.ts compares it with the include, field by field).
 */
export async function loadTransitionRow(db: DatabaseOrTransaction, id: string): Promise<JustificationEmailRow | null> {
  // Not an id at all: no such justification (the cast below would fail the statement).
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null
  const rows = await db.$queryRaw<JoinedRow[]>(Prisma.sql`
    SELECT j.*,
      json_build_object('id', r."id", 'name', r."name", 'email', r."email") AS "requester",
      json_build_object('code', g."code") AS "group",
      json_build_object('name', sc."name") AS "supplierCountry",
      CASE WHEN oc."code" IS NULL THEN NULL ELSE json_build_object('name', oc."name") END AS "originCountry",
      COALESCE((
        SELECT json_agg(json_build_object('kind', a."kind", 'fileName', a."fileName", 'sizeBytes', a."sizeBytes"::text, 'sha256', a."sha256") ORDER BY a."addedAt", a."id")
        FROM "Attachment" a WHERE a."justificationId" = j."id" AND a."removedAt" IS NULL
      ), '[]'::json) AS "attachments"
    FROM "Justification" j
    JOIN "Person" r ON r."id" = j."requesterId"
    JOIN "Group" g ON g."id" = j."groupId"
    JOIN "Country" sc ON sc."code" = j."supplierCountryCode"
    LEFT JOIN "Country" oc ON oc."code" = j."originCountryCode"
    WHERE j."id" = ${id}::uuid`)
  const row = rows[0]
  if (!row) return null
  return { ...row, attachments: row.attachments.map((a) => ({ ...a, sizeBytes: BigInt(a.sizeBytes) })) } as JustificationEmailRow
}
