import { Section, Text } from '@react-email/components'
import { ATTACHMENT_KINDS, type AttachmentKind } from '~/attachments/attachment-kinds'
import { formatFileSize } from '~/attachments/file-size'
import { translatorFor } from '~/i18n/i18n.server'
import type { Language } from '~/i18n/languages'
import { emailLanguage, emailTranslator } from './i18n'

/**
 * A supporting document as an email lists it: what it is, its name and size, and the hash a
 * signature covers. `kindCode` names the kind in the email's language; `kind` is its English name,
 * all that emails queued before the code was stored carry.
 */
export type EmailDocument = { kind: string; kindCode?: AttachmentKind; fileName: string; size: string; sizeBytes?: number; sha256: string }

/** The document's kind in the email's language (the justifications catalogue's names), or as stored. */
function kindIn(document: EmailDocument, language: Language | undefined): string {
  const code = document.kindCode
  if (!code || !(ATTACHMENT_KINDS as readonly string[]).includes(code)) return document.kind
  return translatorFor(emailLanguage(language), 'justifications')(`documents.kind.${code}`)
}

/**
 * The documents a signatory is asked to sign, one a paragraph: kind, name and size on one line, the
 * full SHA-256 on the next, wrapping anywhere so it never widens the email on a phone and reads as
 * one line in the plain-text part.
 */
export function EmailDocumentList({ documents, language }: { documents: readonly EmailDocument[]; language?: Language | undefined }) {
  const t = emailTranslator(language)
  return (
    <Section>
      <Text style={{ margin: '16px 0 4px' }}>
        <strong>{documents.length === 0 ? t('documents.headingNone') : t('documents.heading', { n: documents.length })}</strong>
      </Text>
      {documents.length === 0 ? <Text style={{ margin: '2px 0' }}>{t('documents.none')}</Text> : null}
      {documents.map((document, index) => (
        <Text key={index} style={{ margin: '4px 0' }}>
          {t('documents.line', { kind: kindIn(document, language), fileName: document.fileName, size: document.sizeBytes !== undefined ? formatFileSize(document.sizeBytes, language ?? 'en') : document.size })}
          <br />
          <span style={{ fontSize: '12px', color: '#5b6475', wordBreak: 'break-all', overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{`SHA-256 ${document.sha256}`}</span>
        </Text>
      ))}
    </Section>
  )
}

export const exampleDocuments: EmailDocument[] = [
  { kind: 'Supplier’s quote', kindCode: 'QUOTE', fileName: 'Cryo-Instruments-quote-Q-2026-118.pdf', size: '248 kB', sha256: '9f2c4be81a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7' },
  { kind: 'Exclusivity or compatibility letter', kindCode: 'EXCLUSIVITY_LETTER', fileName: 'Compatibility letter.pdf', size: '1.2 MB', sha256: '3b7e0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7081928374655aabb' },
]
