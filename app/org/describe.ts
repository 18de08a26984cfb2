import { message } from '~/i18n/message'

export type PositionKind = 'GROUP_LEADER' | 'DEPARTMENT_HEAD' | 'DEPUTY' | 'DIRECTOR' | 'FINANCE_COMMITTEE'

/** A position as the pages have it: read with Prisma's relations, or flattened for the browser. */
export type PositionLike = {
  kind: PositionKind
  group?: { code: string } | null
  department?: { code: string } | null
  deputyFor?: { name: string } | null
}

/**
 * "Leader of EN-MME", "Head of EN", "Deputy for Marta Mendes": one wording everywhere (the home
 * page, the profile, a person's admin page), as a message the page shows in its reader's language
 * (`translateMessage`; the texts are the admin namespace's `person.positions.described`).
 */
export function describePosition(position: PositionLike): string {
  const described = (key: string, values?: Record<string, string>) => message(`admin:person.positions.described.${key}`, values)
  switch (position.kind) {
    case 'GROUP_LEADER':
      return position.group ? described('GROUP_LEADER', { code: position.group.code }) : described('GROUP_LEADER_unknown')
    case 'DEPARTMENT_HEAD':
      return position.department ? described('DEPARTMENT_HEAD', { code: position.department.code }) : described('DEPARTMENT_HEAD_unknown')
    case 'DEPUTY':
      return position.deputyFor ? described('DEPUTY', { name: position.deputyFor.name }) : described('DEPUTY_unknown')
    case 'DIRECTOR':
      return described('DIRECTOR')
    case 'FINANCE_COMMITTEE':
      return described('FINANCE_COMMITTEE')
  }
}
