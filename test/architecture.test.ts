/**
 * The import direction of docs/architecture.md, enforced: every import between the folders
 * of src/ runs along an allowed edge (tests beside the code, *.test.ts, may reach across to
 * check that two parts agree: nothing imports them), and no file imports itself back through
 * others (no import cycle, type-only imports included). Imports are read with TypeScript's own
 * pre-processor (static, re-exports and dynamic `import()`), so comments and strings that
 * merely look like imports do not count.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** What each folder of src/ may import besides itself (docs/architecture.md says why). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  sim: ["model"],
  layout: ["model"],
  io: ["model", "sim", "layout"],
  staff: ["model", "sim"],
  calibrate: ["model", "sim", "io", "layout"],
  worker: ["model", "sim", "staff"],
  cli: ["model", "sim", "staff", "calibrate", "layout", "io", "worker"],
  ui: ["model", "sim", "staff", "calibrate", "layout", "io", "worker"],
};

/** Known exceptions, each being removed by work under way; the list only shrinks. None today. */
const KNOWN_UPWARD = new Set<string>([]);
/** Known cycles (files in the cycle, sorted, joined by " "); none today. */
const KNOWN_CYCLES = new Set<string>([]);

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The file a relative import names (undefined: not a TypeScript file under src, e.g. JSON, CSS or a package). */
function resolveImport(file: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = resolve(dirname(file), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function scanImports(): { files: string[]; imports: Import[] } {
  const files = sourceFiles(SRC);
  const imports: Import[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of info.importedFiles) {
      const target = resolveImport(file, fileName);
      if (target?.startsWith(`${SRC}/`)) imports.push({ from: relative(SRC, file), to: relative(SRC, target) });
    }
  }
  return { files: files.map((f) => relative(SRC, f)), imports };
}

const folderOf = (path: string) => path.split("/")[0] ?? "";

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(files: string[], imports: Import[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const { from, to } of imports) next.get(from)?.push(to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe("architecture: the import direction of docs/architecture.md", () => {
  const { files, imports } = scanImports();

  it("finds the folders and their imports", () => {
    // a scanner that reads nothing would pass everything
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from.startsWith("sim/") && i.to.startsWith("model/"))).toBe(true);
    expect(new Set(files.map(folderOf))).toEqual(new Set(Object.keys(ALLOWED)));
  });

  it("every file of src/ lies in a folder the architecture names", () => {
    const unplaced = files.filter((f) => !(folderOf(f) in ALLOWED) || !f.includes("/"));
    expect(unplaced, "files outside the folders of docs/architecture.md").toEqual([]);
  });

  it("no import runs against the allowed direction", () => {
    const wrong = imports
      .filter(({ from, to }) => {
        if (/\.test\.tsx?$/.test(from)) return false;
        const a = folderOf(from);
        const b = folderOf(to);
        return a !== b && !(ALLOWED[a] ?? []).includes(b);
      })
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(wrong.filter((w) => !KNOWN_UPWARD.has(w))).toEqual([]);
  });

  it("no import cycle between files", () => {
    const found = cycles(files, imports).map((c) => c.join(" "));
    expect(found.filter((c) => !KNOWN_CYCLES.has(c))).toEqual([]);
  });

  it("the known exceptions still exist (remove them from this file once fixed)", () => {
    const edges = new Set(imports.map(({ from, to }) => `${from} -> ${to}`));
    const found = new Set(cycles(files, imports).map((c) => c.join(" ")));
    expect([...KNOWN_UPWARD].filter((e) => !edges.has(e))).toEqual([]);
    expect([...KNOWN_CYCLES].filter((c) => !found.has(c))).toEqual([]);
  });

  it("the scanner catches a wrong-way import and a cycle", () => {
    const sample = ["model/a.ts", "sim/b.ts", "sim/c.ts"];
    const back: Import[] = [
      { from: "sim/b.ts", to: "sim/c.ts" },
      { from: "sim/c.ts", to: "sim/b.ts" },
    ];
    expect(cycles(sample, back)).toEqual([["sim/b.ts", "sim/c.ts"]]);
    expect(cycles(sample, [{ from: "sim/b.ts", to: "model/a.ts" }])).toEqual([]);
    expect(ALLOWED.model).not.toContain("sim");
  });
});
