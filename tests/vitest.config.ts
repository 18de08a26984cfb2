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
    hookTimeout: 60_000,
  },
})
