// `npm run audit`: known high and critical vulnerabilities in the production dependencies
// (issue 10, item 5). Runs `npm audit --omit=dev --audit-level=high --json`, leaves out the
// advisories already reviewed and explained in docs/audit-explained.json (the reasoning is in
// docs/dependencies.md) and fails on any other one, so a new advisory cannot slip in unread.
//
// Some registries (the mirror our machines use among them) do not serve npm's advisory
// endpoint at all. Then the audit cannot say anything, and failing would make every CI run
// red for a reason nobody in the project can fix: the script says so loudly and exits 0.
//
// `node scripts/audit.mjs --from report.json` reads a saved `npm audit --json` report instead
// of asking the registry (to re-check a report made elsewhere, or to try the script itself).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { root } from "./lib.mjs";

const EXPLAINED_FILE = join(root, "docs", "audit-explained.json");
const SERIOUS = new Set(["high", "critical"]);

/** The report from a file, or from `npm audit`; `null` when npm printed no JSON at all. */
function loadReport(argv) {
  const i = argv.indexOf("--from");
  if (i !== -1) {
    if (!argv[i + 1]) throw new Error("--from needs a file name");
    return JSON.parse(readFileSync(argv[i + 1], "utf8"));
  }
  const res = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
    cwd: root,
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // npm exits 1 both when it found vulnerabilities and when the endpoint failed, so the exit
  // code says nothing: only the shape of the JSON does.
  try {
    return JSON.parse(res.stdout);
  } catch {
    return { message: (res.stderr || String(res.error ?? "")).trim().split("\n").at(-1) ?? "" };
  }
}

/** The advisory id a reviewer sees: the GHSA id from its URL, else npm's own number. */
function advisoryId(via) {
  const ghsa = /GHSA(-[0-9a-z]{4}){3}/i.exec(via.url ?? "");
  return ghsa ? ghsa[0].replace(/^ghsa/i, "GHSA") : String(via.source ?? via.url ?? via.title);
}

/** Every distinct high or critical advisory in an `npm audit --json` (v2) report. */
function seriousAdvisories(report) {
  const found = new Map();
  for (const vuln of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vuln.via ?? []) {
      // a string `via` only points at another package whose own entry carries the advisory
      if (typeof via !== "object" || !SERIOUS.has(via.severity)) continue;
      const id = advisoryId(via);
      const seen = found.get(id);
      if (seen) {
        if (!seen.packages.includes(vuln.name)) seen.packages.push(vuln.name);
        continue;
      }
      found.set(id, { id, severity: via.severity, title: via.title ?? "", range: via.range ?? "", url: via.url ?? "", packages: [via.name ?? vuln.name] });
    }
  }
  return [...found.values()];
}

function loadExplained() {
  const data = JSON.parse(readFileSync(EXPLAINED_FILE, "utf8"));
  // keys starting with "_" are notes for people, not advisories
  return new Map(Object.entries(data).filter(([key]) => !key.startsWith("_")));
}

function main() {
  const report = loadReport(process.argv.slice(2));
  if (!report || typeof report.vulnerabilities !== "object" || report.vulnerabilities === null) {
    const why = report?.message || [report?.statusCode, report?.error?.code, report?.error?.summary].filter(Boolean).join(" ");
    console.warn("⚠ Проверка уязвимостей не выполнена: реестр пакетов не ответил на запрос npm audit.");
    console.warn("⚠ Vulnerability audit NOT done: the package registry did not answer npm audit.");
    if (why) console.warn(`  (${why})`);
    console.warn("  Это не значит, что уязвимостей нет. Повторите на машине, где реестр поддерживает npm audit;");
    console.warn("  что было проверено вручную — в docs/dependencies.md.");
    console.warn("  This does not mean there are none. Re-run where the registry serves the audit endpoint;");
    console.warn("  the manual review is in docs/dependencies.md.");
    return 0;
  }

  const explained = loadExplained();
  const serious = seriousAdvisories(report);
  const open = serious.filter((a) => !explained.has(a.id));
  const known = serious.filter((a) => explained.has(a.id));

  for (const a of known) {
    const note = explained.get(a.id);
    console.log(`  разобрано / explained  ${a.id} (${a.severity}) ${a.packages.join(", ")}: ${note.decision ?? ""}`);
  }
  const stale = [...explained.keys()].filter((id) => !serious.some((a) => a.id === id));
  if (stale.length) console.log(`  больше не находится / no longer reported: ${stale.join(", ")} — уберите из docs/audit-explained.json`);

  if (open.length === 0) {
    console.log(`✓ Необъяснённых серьёзных уязвимостей нет / no unexplained high or critical advisories (найдено / found: ${serious.length}, все разобраны / all explained).`);
    return 0;
  }
  console.error(`✗ Серьёзные уязвимости без разбора / unexplained high or critical advisories: ${open.length}`);
  for (const a of open) {
    console.error(`  ${a.id} (${a.severity}) ${a.packages.join(", ")} ${a.range}`);
    console.error(`    ${a.title}${a.url ? ` — ${a.url}` : ""}`);
  }
  console.error("  Обновите пакет или разберите уязвимость в docs/dependencies.md и docs/audit-explained.json.");
  console.error("  Upgrade the package, or review the advisory in docs/dependencies.md and docs/audit-explained.json.");
  return 1;
}

process.exit(main());
