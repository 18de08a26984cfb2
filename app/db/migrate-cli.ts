// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { getEnv } from '~/env.server'
import { startEmbeddedPostgres } from './embedded-postgres.server'
import { migrate } from './migrate.server'

const env = getEnv()
const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: env.DATA_DIR })
try {
  const report = await migrate(env.DATABASE_URL ?? embedded!.url)
  console.log(JSON.stringify(report))
} finally {
  await embedded?.stop()
}
