import type { AnyTFunction } from './explanation'
import type { SignatoryRole } from './signature-policy'

/**
 * Each role's default step label, stored in the policy (and so in each justification's chain) when
 * the administrator gives a tier no label of its own. Stored in English; pages show a default label
 * as the role's name in the reader's language, and a label of the administrator's own as written.
 * The one home of that rule: stepLabelText and stepNameText below, with the role names in the
 * common catalogue (common:signatoryRoleLabel, common:signatoryRole).
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

/** Which role a label stands for: its tier's own role when known, else any role whose default it is. */
function defaultRoleOf(step: { label: string; role?: SignatoryRole | null | undefined }): SignatoryRole | null {
  if (step.role) return step.label === signatoryRoleLabels[step.role] ? step.role : null
  return roleOfDefaultLabel(step.label)
}

/** A step's or tier's label as a heading or a table cell: "Group leader" / "Chef de groupe"; the administrator's own label as written. */
export function stepLabelText(t: AnyTFunction, step: { label: string; role?: SignatoryRole | null | undefined }): string {
  const role = defaultRoleOf(step)
  return role ? String((t as (key: string) => string)(`common:signatoryRoleLabel.${role}`)) : step.label
}

/** The same inside a sentence ("Sign as group leader" / "Signer en tant que chef de groupe"). */
export function stepNameText(t: AnyTFunction, step: { label: string; role?: SignatoryRole | null | undefined }): string {
  const role = defaultRoleOf(step)
  return role ? String((t as (key: string) => string)(`common:signatoryRole.${role}`)) : step.label.toLowerCase()
}
