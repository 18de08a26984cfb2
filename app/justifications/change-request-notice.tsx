import { Notice } from '~/ui/notice'

/** At the top of the edit page after "changes requested": who asked, when, and what they wrote. */
export function ChangeRequestNotice({ request }: { request: { by: string; at: string; comment: string; viaLink: boolean } }) {
  return (
    <Notice tone="warning" as="div" title={<strong>{request.by} asked for changes on {request.at}{request.viaLink ? ' (from the email link)' : ''}:</strong>}>
      <blockquote className="change-request-comment">{request.comment}</blockquote>
      <p>Change what is asked, then submit again: the signatures start over.</p>
    </Notice>
  )
}
