// What app/ and lib/<domain>/ import: the same client as lib/db.ts, but a client
// component that reaches for it fails the build instead of shipping database code.
import "server-only";

export { db, getDb, type Db } from "../db";
