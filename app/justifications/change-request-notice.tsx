import { useTranslation } from 'react-i18next'
import { useFormats } from '~/i18n/use-formats'
import { Notice } from '~/ui/notice'

/** At the top of the edit page after "changes requested": who asked, when, and what they wrote. */
export function ChangeRequestNotice({ request }: { request: { by: string; at: string; atIso: string; comment: string; viaLink: boolean } }) {
  const { t } = useTranslation('justifications')
  const { dateTime } = useFormats()
  return (
    <Notice tone="warning" as="div" title={<strong>{t(request.viaLink ? 'edit.askedForChangesByLink' : 'edit.askedForChanges', { name: request.by, date: dateTime(request.atIso) })}</strong>}>
      <blockquote className="change-request-comment">{request.comment}</blockquote>
      <p>{t('edit.changeThenSubmit')}</p>
    </Notice>
  )
}
