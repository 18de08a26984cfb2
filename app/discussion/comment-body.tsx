import { splitAtMentions } from './mentions'

/**
 * A comment as written: its line breaks kept (by CSS, `white-space: pre-wrap`), the people it
 * mentions emphasised. Text only: React escapes whatever markup somebody typed.
 */
export function CommentBody({ body, mentions }: { body: string; mentions: { personId: string; name: string }[] }) {
  const parts = splitAtMentions(
    body,
    mentions.map((m) => ({ id: m.personId, name: m.name })),
  )
  return (
    <p className="comment-body">
      {parts.map((part, index) => ('mention' in part ? <strong key={index} className="mention">{part.mention}</strong> : <span key={index}>{part.text}</span>))}
    </p>
  )
}
