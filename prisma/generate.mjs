// Runs `prisma generate` (at npm install) with the schema-engine stand-in, see the ADR 001.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const standIn = fileURLToPath(new URL('./schema-engine-stand-in.sh', import.meta.url))
const result = spawnSync('npx', ['prisma', 'generate', '--schema', 'prisma/schema.prisma'], {
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standIn, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
})
process.exit(result.status ?? 1)
