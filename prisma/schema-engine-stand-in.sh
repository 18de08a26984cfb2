#!/bin/sh
# Prisma's CLI insists on locating its native schema engine even for `prisma generate`, which does not
# use it, and cannot download it on these machines. This stand-in satisfies that check; anything that
# really needs the engine (migrate, db push) fails loudly. See docs/decisions/001-migrations-without-the-prisma-schema-engine.md.
echo "schema engine unavailable: migrations are applied by app/db/migrate.server.ts" >&2
exit 1
