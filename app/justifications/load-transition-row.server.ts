import type { CoveredDocument } from '~/attachments/attachment-audit-events'
import type { AttachmentKind } from '~/attachments/attachment-kinds'
import { coveredTextSha256 } from '~/attachments/covered-content'
import type { Covered } from '~/attachments/load-covered.server'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { Prisma } from '~/generated/prisma/client'
import type { JustificationEmailRow, Person } from './notifications.server'

/**
 * What a transition reads: the justification with what its emails describe (requester, group,
 * countries, current documents, each document's id for what a signature covers) and the people its
 * stored chain names (signatories and deciders, for names in emails and audit events).
 */
export type TransitionRow = Omit<JustificationEmailRow, 'attachments'> & {
  attachments: Array<JustificationEmailRow['attachments'][number] & { id: string }>
  chainPeople: Person[]
}

type JoinedRow = Omit<TransitionRow, 'attachments'> & { attachments: Array<{ id: string; kind: string; fileName: string; sizeBytes: string; sha256: string }> }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The transition's row in one statement. Prisma's include reads each relation with a select of its
 * own (six round trips on the decision's hot path, then two more for the documents and the people);
 * this join answers the same row (load-transition-row.server.test.ts compares it with the include).
 */
export async function loadTransitionRow(db: DatabaseOrTransaction, id: string): Promise<TransitionRow | null> {
  // Not an id at all: no such justification (the cast below would fail the statement).
  if (!UUID.test(id)) return null
  const rows = await db.$queryRaw<JoinedRow[]>(Prisma.sql`
    SELECT j.*,
      json_build_object('id', r."id", 'name', r."name", 'email', r."email", 'preferredLanguage', r."preferredLanguage") AS "requester",
      json_build_object('code', g."code") AS "group",
      json_build_object('name', sc."name", 'code', sc."code") AS "supplierCountry",
      CASE WHEN oc."code" IS NULL THEN NULL ELSE json_build_object('name', oc."name", 'code', oc."code") END AS "originCountry",
      COALESCE((
        SELECT json_agg(json_build_object('id', a."id", 'kind', a."kind", 'fileName', a."fileName", 'sizeBytes', a."sizeBytes"::text, 'sha256', a."sha256") ORDER BY a."addedAt", a."id")
        FROM "Attachment" a WHERE a."justificationId" = j."id" AND a."removedAt" IS NULL
      ), '[]'::json) AS "attachments",
      COALESCE((
        SELECT json_agg(json_build_object('id', p."id", 'name', p."name", 'email', p."email", 'preferredLanguage', p."preferredLanguage"))
        FROM "Person" p
        WHERE p."id"::text IN (
          SELECT step.value ->> key FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j."snapshot" -> 'context' -> 'chain') = 'array' THEN j."snapshot" -> 'context' -> 'chain' ELSE '[]'::jsonb END) AS step,
            unnest(ARRAY['signatoryId', 'decidedBy']) AS key)
      ), '[]'::json) AS "chainPeople"
    FROM "Justification" j
    JOIN "Person" r ON r."id" = j."requesterId"
    JOIN "Group" g ON g."id" = j."groupId"
    JOIN "Country" sc ON sc."code" = j."supplierCountryCode"
    LEFT JOIN "Country" oc ON oc."code" = j."originCountryCode"
    WHERE j."id" = ${id}::uuid`)
  const row = rows[0]
  if (!row) return null
  return { ...row, attachments: row.attachments.map((a) => ({ ...a, sizeBytes: BigInt(a.sizeBytes) })) } as TransitionRow
}

/**
 * What a signature covers, from the row as read: every current document's hash, and the text's
 * (as loadCovered reads them; the transition writes only if the row's version is still the one read,
 * and adding or removing a document bumps it).
 */
export function coveredByRow(row: TransitionRow): Covered {
  const documents: CoveredDocument[] = row.attachments.map((a) => ({ attachmentId: a.id, fileName: a.fileName, kind: a.kind as AttachmentKind, sizeBytes: Number(a.sizeBytes), sha256: a.sha256 }))
  return { documents, textSha256: coveredTextSha256(row) }
}
