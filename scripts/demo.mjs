// `npm run demo`: the embedded database with the demo school, built and served.
// Everything lives in ./data (delete it to start again from scratch).
import { join } from "node:path";

import { needsBuild, persistentSecret, root, run, startNext, waitForHealth } from "./lib.mjs";

const port = Number(process.env.PORT || 3000);
const dataDir = join(root, "data");
const env = {
  PGLITE_DIR: process.env.PGLITE_DIR || join(dataDir, "pglite"),
  AUTH_SECRET: process.env.AUTH_SECRET || persistentSecret(dataDir),
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
};

console.log("1/3 База данных: применяем миграции и заполняем демо-школу…");
run("tsx", ["scripts/db.ts", "migrate"], { env });
run("tsx", ["scripts/db.ts", "seed"], { env });

if (needsBuild()) {
  console.log("2/3 Собираем приложение (около минуты)…");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
} else {
  console.log("2/3 Сборка актуальна.");
}

console.log("3/3 Запускаем сервер…");
const server = startNext({ port, env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

if (await waitForHealth(`http://127.0.0.1:${port}/api/health`)) {
  console.log(`
  Журнал работает: ${env.APP_URL}

  Демо-входы (пароль у всех: demo2026):
    admin    — директор (администратор)
    teacher  — учитель математики, классный руководитель 5А
    parent   — мама двоих детей
    student  — ученик 5А

  OneRoster API: client_id demo-oneroster, client_secret demo-oneroster-secret-2026
    ${env.APP_URL}/ims/oneroster/v1p2/openapi.json

  Коды приглашения для первого входа родителей напечатаны выше (после заполнения базы).
  Остановить: Ctrl+C
`);
} else {
  console.error("Сервер не ответил за 2 минуты: смотрите сообщения выше.");
  stop();
}
