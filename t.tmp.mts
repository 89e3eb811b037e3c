import { readFileSync } from "node:fs";
import { parseMermaid } from "./src/io/mermaid/parseMermaid";
import { guessFlow } from "./src/io/mermaid/guessFlow";
for (const f of ["chain", "garbage", "product", "entity"]) {
  const text = readFileSync(`/tmp/hx/${f}.mmd`, "utf8");
  let t = performance.now();
  const p = parseMermaid(text); console.log(f, "parse", Math.round(performance.now() - t), p.ok ? p.graph.edges.length : p.errors.slice(0,2));
  t = performance.now();
  if (p.ok) { const g = guessFlow(p.graph); console.log("guess", Math.round(performance.now() - t), g.model.ok); }
}
