#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which the CLI downloads from
# Prisma's own server (unreachable on a closed school network). `prisma generate`
# only checks that the file exists and is executable; real schema work goes through
# lib/db/migrate.ts and the WebAssembly engine instead.
echo "zhurnal: the native Prisma schema engine is not used here; run: npm run db:migrate" >&2
exit 1
