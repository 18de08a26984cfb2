import { todayColumn } from '~/calendar/date-column'
import type { Database } from '~/db/client.server'

/** Positions held on `date`: started on or before it and not ended before it (endsOn is inclusive). */
export function heldOn(date: Date) {
  return { startsOn: { lte: date }, OR: [{ endsOn: null }, { endsOn: { gte: date } }] }
}

/** A person's profile: their group and department, and the positions they hold today. */
export async function loadProfile(db: Database, personId: string, now: Date) {
  const today = todayColumn(now)
  const person = await db.person.findUniqueOrThrow({
    where: { id: personId },
    include: {
      group: { include: { department: true } },
      positions: { where: heldOn(today), include: { group: true, department: true, deputyFor: true }, orderBy: { startsOn: 'asc' } },
      sessions: { where: { expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } },
    },
  })
  return person
}

/** The profile page: the person, their last absences (with deputies) and who could stand in for them. */
export async function loadProfilePage(db: Database, personId: string, now: Date) {
  const [profile, absences, people] = await Promise.all([
    loadProfile(db, personId, now),
    db.absence.findMany({ where: { personId }, include: { deputy: true }, orderBy: { startsOn: 'desc' }, take: 20 }),
    db.person.findMany({ where: { isActive: true, id: { not: personId } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ])
  return { profile, absences, people }
}
