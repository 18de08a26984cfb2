import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  resolve: {
    alias: {
      '~': `${root}app`,
      '#emails': `${root}emails`,
    },
  },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'emails/**/*.test.tsx', 'prisma/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Database suites start their own embedded PostgreSQL or their own database on a server; give them room.
    testTimeout: 30_000,
    globalSetup: ['tests/support/global-setup.ts'],
    // Vitest's default is one worker per core but one (1 on these 2-core machines). Most of a database
    // suite's time is spent waiting on another process (PGlite's, the server's, a started app), so two
    // files at once keep both cores busy: the suite's wall time is what CI's 30 minutes are spent on.
    maxWorkers: 2,
    hookTimeout: 60_000,
  },
})
