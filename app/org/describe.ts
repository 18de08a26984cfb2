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

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Zurich' })

export function formatDate(date: Date | string) {
  return dateFormat.format(typeof date === 'string' ? new Date(date) : date)
}

/** Times are shown in the organisation's time zone. */
export function formatDateTime(date: Date | string) {
  return dateTimeFormat.format(typeof date === 'string' ? new Date(date) : date)
}

export function formatPeriod(startsOn: Date | string, endsOn: Date | string | null) {
  return endsOn ? `${formatDate(startsOn)} – ${formatDate(endsOn)}` : `since ${formatDate(startsOn)}`
}
