/**
 * The largest OneRoster package the import takes: a school's rosters zip to well under a
 * megabyte, and server actions carry at most 6 MB (next.config.js), so 5 MB leaves room
 * and refuses what cannot be one school's roster. Plain data: the upload form checks it
 * in the browser before sending.
 */
export const ONEROSTER_MAX_ZIP_BYTES = 5 * 1024 * 1024;
export const ONEROSTER_MAX_ZIP_MB = 5;
