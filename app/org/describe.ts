type PositionLike = {
  kind: 'GROUP_LEADER' | 'DEPARTMENT_HEAD' | 'DEPUTY' | 'DIRECTOR' | 'FINANCE_COMMITTEE'
  group?: { code: string } | null
  department?: { code: string } | null
  deputyFor?: { name: string } | null
}

/** "Leader of EN-MME", "Head of EN", "Deputy for Marta Mendes": one wording everywhere. */
export function describePosition(position: PositionLike): string {
  switch (position.kind) {
    case 'GROUP_LEADER':
      return `Leader of ${position.group?.code ?? 'a group'}`
    case 'DEPARTMENT_HEAD':
      return `Head of ${position.department?.code ?? 'a department'}`
    case 'DEPUTY':
      return `Deputy for ${position.deputyFor?.name ?? 'someone'}`
    case 'DIRECTOR':
      return 'Director'
    case 'FINANCE_COMMITTEE':
      return 'Finance Committee signatory'
  }
}
