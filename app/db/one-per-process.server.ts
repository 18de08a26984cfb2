/**
 * One value per process for the current DATABASE_URL: the database client, the sign-in limiters'
 * pool. The server entry (run by tsx) and the Remix build are two module graphs in one process, so a
 * module-level variable would exist once in each; kept on globalThis under `key`, both share one.
 * DATABASE_URL is set by the server entry before the app is loaded; a different URL makes a new value.
 */
export function onePerProcess<T>(key: string, create: (databaseUrl: string) => T) {
  const slots = globalThis as unknown as Record<string, { url: string; value: T } | undefined>
  return {
    get(): T {
      const url = process.env.DATABASE_URL
      if (!url) throw new Error('DATABASE_URL is not set: the server entry sets it before the app is loaded')
      const existing = slots[key]
      if (existing && existing.url === url) return existing.value
      const value = create(url)
      slots[key] = { url, value }
      return value
    },
    /** Forgets the value and hands it back (if there was one) for the caller to close. */
    release(): T | undefined {
      const existing = slots[key]
      slots[key] = undefined
      return existing?.value
    },
  }
}
