/** Why the documents of a submitted (or decided) justification cannot change. Client-safe: the documents page says it too. */
export const DOCUMENTS_FROZEN = 'Submitted documents are frozen: they can change only after changes are requested.'
