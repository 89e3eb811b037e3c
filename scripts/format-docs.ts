/** Writes docs/format.md from the field spec and the schemas (`npm run docs:format`). */
import { writeFileSync } from "node:fs";
import { formatDocs } from "../src/model/formatDocs";

writeFileSync(new URL("../docs/format.md", import.meta.url), formatDocs());
console.log("docs/format.md written");
