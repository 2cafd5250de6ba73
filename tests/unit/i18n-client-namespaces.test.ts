/**
 * The browser gets only the message namespaces of lib/i18n/client-namespaces.ts (the root
 * layout's NextIntlClientProvider). This test reads the sources the way the bundler sees
 * them: every "use client" module and everything it imports (static and dynamic imports;
 * not type-only imports, not "use server" modules, whose code stays on the server) is
 * client code, and each useTranslations("…") there must find its namespace in the list.
 * A useTranslations() without a namespace, with a computed one, or useMessages() in
 * client code cannot be checked and fails too. The list holds nothing no client code uses.
 */
import { describe, expect, it } from "vitest";

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

import { CLIENT_NAMESPACES, clientMessages, coversNamespace, pickNamespaces } from "../../lib/i18n/client-namespaces";
import { loadMessages } from "../../lib/i18n/request";

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

type Module = {
  directive: "use client" | "use server" | null;
  imports: string[];
  /** namespaces of useTranslations calls; problems: calls that cannot be checked */
  namespaces: string[];
  problems: string[];
};

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(from, "..", spec);
  else return null; // a package: its messages are not ours
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function parse(file: string): Module {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  let directive: Module["directive"] = null;
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === "use client" || statement.expression.text === "use server") directive = statement.expression.text;
  }

  const imports: string[] = [];
  const translationHooks = new Set<string>(); // local names of next-intl's useTranslations
  const messageHooks = new Set<string>(); // … and of useMessages
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const onlyTypes = clause !== undefined && !clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly);
      if (!onlyTypes) imports.push(statement.moduleSpecifier.text);
      if (statement.moduleSpecifier.text === "next-intl" && named) {
        for (const e of named) {
          const imported = (e.propertyName ?? e.name).text;
          if (imported === "useTranslations") translationHooks.add(e.name.text);
          if (imported === "useMessages") messageHooks.add(e.name.text);
        }
      }
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      imports.push(statement.moduleSpecifier.text);
    }
  }

  const namespaces: string[] = [];
  const problems: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteralLike(arg)) imports.push(arg.text);
      } else if (ts.isIdentifier(node.expression) && translationHooks.has(node.expression.text)) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteralLike(arg)) namespaces.push(arg.text);
        else problems.push(`${where(node)}: useTranslations needs a namespace written out (the list cannot check ${arg ? "a computed one" : "all messages"})`);
      } else if (ts.isIdentifier(node.expression) && messageHooks.has(node.expression.text)) {
        problems.push(`${where(node)}: useMessages in client code reads every message the client has; use useTranslations("…")`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { directive, imports, namespaces, problems };
}

/** Every client module and the namespaces it asks for. */
function clientCode() {
  const modules = new Map(SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).map((f) => [f, parse(f)] as const));
  const client = new Set<string>();
  const queue = [...modules].filter(([, m]) => m.directive === "use client").map(([f]) => f);
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (client.has(file)) continue;
    client.add(file);
    for (const spec of modules.get(file)?.imports ?? []) {
      const target = resolveImport(file, spec);
      if (!target) continue;
      // a server action imported by a client component is a reference, its code stays on the server
      const m = modules.get(target) ?? parse(target);
      if (m.directive !== "use server") queue.push(target);
      if (!modules.has(target)) modules.set(target, m);
    }
  }
  const files = [...client].sort();
  const uses = files.flatMap((f) => (modules.get(f)?.namespaces ?? []).map((namespace) => ({ file: relative(ROOT, f), namespace })));
  const problems = files.flatMap((f) => modules.get(f)?.problems ?? []);
  return { files: files.map((f) => relative(ROOT, f)), uses, problems };
}

describe("the messages the browser gets (lib/i18n/client-namespaces.ts)", () => {
  const code = clientCode();

  it("finds the client code (the scan works)", () => {
    expect(code.files).toContain("components/offline/diary-sync.tsx");
    expect(code.files).toContain("components/offline/sync.ts"); // dynamically imported
    expect(code.uses).toContainEqual({ file: "components/pwa/push-devices.tsx", namespace: "pwa.push" });
    expect(code.files).not.toContain("app/layout.tsx");
  });

  it("the client components of every diary page translate nothing in the browser (the phone loads no translation runtime for the diary)", () => {
    const diaryShell = ["components/diary/nav/diary-nav-menu.tsx", "components/pwa/offline-banner.tsx", "components/pwa/sw-register.tsx", "components/offline/diary-sync.tsx"];
    for (const file of diaryShell) expect(code.files).toContain(file);
    expect(code.uses.filter((u) => diaryShell.includes(u.file))).toEqual([]);
  });

  it("every namespace client code uses is in the list", () => {
    const missing = code.uses.filter((u) => !CLIENT_NAMESPACES.some((n) => coversNamespace(n, u.namespace)));
    expect(missing, "add these namespaces to CLIENT_NAMESPACES in lib/i18n/client-namespaces.ts").toEqual([]);
  });

  it("client code asks for its namespaces by name (useTranslations with a written namespace, no useMessages)", () => {
    expect(code.problems).toEqual([]);
  });

  it("the list holds only namespaces client code uses", () => {
    const unused = CLIENT_NAMESPACES.filter((n) => !code.uses.some((u) => coversNamespace(n, u.namespace)));
    expect(unused, "remove these from CLIENT_NAMESPACES: no client code uses them").toEqual([]);
  });

  it("every listed namespace exists in both languages, and the client gets it whole", () => {
    for (const locale of ["ru", "en"] as const) {
      const all = loadMessages(locale);
      const picked = clientMessages(all);
      for (const namespace of CLIENT_NAMESPACES) {
        const path = namespace.split(".");
        const at = (o: unknown) => path.reduce<unknown>((v, k) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined), o);
        expect(at(all), `${locale}: ${namespace}`).toBeTypeOf("object");
        expect(at(picked), `${locale}: ${namespace}`).toEqual(at(all));
      }
    }
  });

  it("picks whole namespaces and nothing else", () => {
    const messages = { pwa: { banner: { offline: "a" }, push: { on: "b" }, update: { ready: "c" } }, grid: { title: "d" }, people: { title: "e" } };
    expect(pickNamespaces(messages, ["pwa.banner", "pwa.push", "grid"])).toEqual({ pwa: { banner: { offline: "a" }, push: { on: "b" } }, grid: { title: "d" } });
    expect(pickNamespaces(messages, ["pwa", "pwa.banner"])).toEqual({ pwa: messages.pwa });
    expect(pickNamespaces(messages, ["nowhere.at.all"])).toEqual({});
    expect(coversNamespace("pwa", "pwa.banner")).toBe(true);
    expect(coversNamespace("pwa.banner", "pwa.banner")).toBe(true);
    expect(coversNamespace("pwa.banner", "pwa")).toBe(false);
    expect(coversNamespace("pwa", "pwaX")).toBe(false);
  });
});
