/**
 * The message files, one per area, in app/locales/<language>/<namespace>.json. A route says which it
 * needs in its `handle.i18n`; `common` (the header, shared UI, formats) is always loaded.
 */
export const NAMESPACES = ['common', 'forms', 'auth', 'justifications', 'signoff', 'industrial-return', 'return-data', 'admin', 'emails', 'record', 'webhooks', 'api-keys'] as const
export type Namespace = (typeof NAMESPACES)[number]
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace

export function isNamespace(value: unknown): value is Namespace {
  return typeof value === 'string' && (NAMESPACES as readonly string[]).includes(value)
}
