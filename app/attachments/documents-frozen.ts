/** Why the documents of a submitted (or decided) justification cannot change. Client-safe: the documents page says it too. */
import { message } from '~/i18n/message'

export const DOCUMENTS_FROZEN = message('forms:documents.frozen')
