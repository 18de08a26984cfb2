import type { SignatoryRole } from './signature-policy'

/**
 * Each role's default step label, stored in the policy (and so in each justification's chain) when
 * the administrator gives a tier no label of its own. Stored in English; pages show a default label
 * as the role's name in the reader's language, and a label of the administrator's own as written.
 */
export const signatoryRoleLabels: Record<SignatoryRole, string> = {
  GROUP_LEADER: 'Group leader',
  DEPARTMENT_HEAD: 'Department head',
  DIRECTOR: 'Director',
  FINANCE_COMMITTEE: 'Finance Committee',
}

/** The role whose default label this is, or null for a label of the administrator's own. */
export function roleOfDefaultLabel(label: string): SignatoryRole | null {
  const found = Object.entries(signatoryRoleLabels).find(([, defaultLabel]) => defaultLabel === label)
  return found ? (found[0] as SignatoryRole) : null
}
