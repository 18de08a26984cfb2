import { useLanguage } from '~/i18n/use-formats'
import { formatDateTime } from './format-date'

/**
 * An instant on a page: the organisation's clock with its zone name ("1 Dec 2026, 19:49 CET",
 * "1 déc. 2026, 19:49 CET"), inside a `<time>` whose `dateTime` carries the exact instant for
 * machines (and for copying).
 */
export function DateTime({ at }: { at: Date | string }) {
  const language = useLanguage()
  const instant = typeof at === 'string' ? new Date(at) : at
  return <time dateTime={instant.toISOString()}>{formatDateTime(instant, language)}</time>
}
