import { formatPaths, parse, type Submission } from '@conform-to/dom'
import type * as z from 'zod/mini'
import { message } from '~/i18n/message'

/**
 * Validates a submitted form with its Zod schema, in the browser (Conform's onValidate) and in the
 * action alike. Our own adapter rather than @conform-to/zod: that package imports `zod/v4/core`
 * separately, and the Remix classic compiler's esbuild bundles it as a second copy of Zod for the
 * browser, where every parse then fails and no form submits (see docs/decisions/004-forms.md).
 *
 * As Conform does, an empty text field counts as absent, so `optional()` and required-field messages
 * behave as a person expects.
 *
 * A NUL character (U+0000, pasted from a binary file or sent by a careless client) is refused in
 * every field here, whatever the schema: PostgreSQL cannot store it in text, so it would otherwise
 * fail at the database as a 500.
 */
export function parseForm<Schema extends z.ZodMiniType>(payload: FormData | URLSearchParams, { schema }: { schema: Schema }): Submission<z.output<Schema>> {
  return parse(payload, {
    resolve(value) {
      const error: Record<string, string[]> = {}
      for (const name of fieldsWithNul(value)) error[name] = [NUL_MESSAGE]
      const result = schema.safeParse(emptyToUndefined(value))
      if (result.success && Object.keys(error).length === 0) return { value: result.data as z.output<Schema> }
      for (const issue of result.error?.issues ?? []) {
        const name = formatPaths(issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol'))
        ;(error[name] ??= []).push(issue.message)
      }
      return { error }
    },
  })
}

/** Said in the reader's language where the field shows it (forms:nul). */
export const NUL_MESSAGE = message('forms:nul')

function fieldsWithNul(value: unknown, path: (string | number)[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [formatPaths(path)] : []
  if (Array.isArray(value)) return value.flatMap((entry, index) => fieldsWithNul(entry, [...path, index]))
  if (value && typeof value === 'object' && !(value instanceof File)) {
    return Object.entries(value).flatMap(([key, entry]) => fieldsWithNul(entry, [...path, key]))
  }
  return []
}

function emptyToUndefined(value: unknown): unknown {
  if (value === '') return undefined
  if (Array.isArray(value)) return value.map(emptyToUndefined)
  if (value && typeof value === 'object' && !(value instanceof File)) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, emptyToUndefined(entry)]))
  }
  return value
}
