// Runs `prisma generate` without network access.
//
// Every Prisma 7 CLI command first tries to download a native schema-engine binary;
// generate never calls it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at a local stub is
// enough. This script also runs as `postinstall`, where a failure must not leave a
// half-installed tree without saying why.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stub = join(root, "scripts", "prisma-engine-stub.sh");
const schema = join(root, "prisma", "schema.prisma");

if (!existsSync(schema)) {
  console.warn("prisma-generate: prisma/schema.prisma не найден, генерация клиента пропущена");
  process.exit(0);
}

// Git keeps the executable bit, but a zip download or a copy across file systems may not.
try {
  chmodSync(stub, 0o755);
} catch {
  // read-only checkout: the bit is hopefully already there
}

const require = createRequire(import.meta.url);
let cli;
try {
  cli = join(dirname(require.resolve("prisma/package.json")), "build", "index.js");
} catch {
  console.error("prisma-generate: пакет prisma не установлен (npm install)");
  process.exit(1);
}

const result = spawnSync(process.execPath, [cli, "generate", "--schema", schema, ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    // Nothing to report to and nothing to check for on a closed network.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});

if (result.error) {
  console.error(`prisma-generate: не удалось запустить prisma: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error("prisma-generate: prisma generate завершился с ошибкой (см. выше)");
}
process.exit(result.status ?? 1);
