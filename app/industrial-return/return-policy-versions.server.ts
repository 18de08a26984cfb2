/** Every published version of the spread policy, newest first, with who published it (issue 13.8). */
import { calendarDateIn } from '~/calendar/calendar-date'
import type { DatabaseOrTransaction } from '~/db/client.server'
import { parseStoredPolicy, type ReturnPolicy } from './return-policy.ts'

export type ReturnPolicyVersion = ReturnPolicy & { effectiveFrom: string; publishedBy: string | null; inForce: boolean }

export async function loadReturnPolicyVersions(db: DatabaseOrTransaction, now: Date): Promise<ReturnPolicyVersion[]> {
  const rows = await db.returnPolicy.findMany({ orderBy: { effectiveFrom: 'desc' } })
  const publishers = await db.person.findMany({ where: { id: { in: rows.flatMap((r) => (r.publishedById ? [r.publishedById] : [])) } }, select: { id: true, name: true } })
  const names = new Map(publishers.map((p) => [p.id, p.name]))
  const today = calendarDateIn(now)
  const versions = rows.map((row) => ({ ...parseStoredPolicy(row), publishedBy: row.publishedById ? (names.get(row.publishedById) ?? null) : null }) as ReturnPolicyVersion)
  const inForce = versions.find((v) => v.effectiveFrom <= today)
  return versions.map((v) => ({ ...v, inForce: v === inForce }))
}
