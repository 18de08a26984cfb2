import type { SignedInPerson } from '~/auth/session.server'
import type { Prisma } from '~/generated/prisma/client'

/** Who is looking: only what deciding what they may see reads (no session, address or name). */
export type Viewer = Pick<SignedInPerson, 'id' | 'groupId' | 'isProcurementOfficer' | 'isAdministrator'>

/**
 * Who may see a justification: its requester and their group (the group that carries it, or the
 * requester's own), everybody ever asked to sign it, and procurement officers and administrators.
 * Every query of justifications for a person goes through this filter.
 */
export function visibleTo(person: Viewer): Prisma.JustificationWhereInput {
  if (person.isProcurementOfficer || person.isAdministrator) return {}
  return {
    OR: [
      { requesterId: person.id },
      { signatories: { some: { personId: person.id } } },
      ...(person.groupId ? [{ groupId: person.groupId }, { requester: { groupId: person.groupId } }] : []),
    ],
  }
}

export function seesEverything(person: Pick<SignedInPerson, 'isProcurementOfficer' | 'isAdministrator'>) {
  return person.isProcurementOfficer || person.isAdministrator
}

/** May this person see every justification of the group (theirs, or procurement)? Then details of
 * related justifications (e.g. in a split-purchase warning) may be shown to them. */
export function seesGroupOf(person: Pick<SignedInPerson, 'groupId' | 'isProcurementOfficer' | 'isAdministrator'>, groupId: string) {
  return seesEverything(person) || person.groupId === groupId
}
