/**
 * `flowcast export FILE --to png|svg|mermaid|markdown|html|bpmn`: a picture, a Mermaid flowchart
 * or the runbook of a flow. Pictures use the same SVG renderer as the app (PNG is that SVG
 * rasterised), laid out from the flow's saved layout, or by elkjs where it has none.
 */
import { toBpmn } from "../io/bpmn/toBpmn";
import { layoutOrFallback } from "../io/mermaid/fallbackLayout";
import { toMermaid } from "../io/mermaid/toMermaid";
import { rasteriseSvgBounded } from "../io/node/rasterise";
import { toRunbookHtml } from "../io/runbook/runbookHtml";
import { toRunbookMarkdown } from "../io/runbook/runbookMarkdown";
import { renderFlowSvg } from "../io/svg/flowSvg";
import { layoutFlow } from "../layout/layoutFlow";
import type { Model } from "../model";
import type { Results } from "../sim/results";
import { readModelFile } from "./checks";
import {
  type CliIO,
  guardOutputs,
  type OptionSpec,
  parseCommandLine,
  readTextFile,
  stringOption,
  UsageError,
  writeOutput,
} from "./shared";

const FORMATS = ["png", "svg", "mermaid", "markdown", "html", "bpmn"] as const;
type Format = (typeof FORMATS)[number];
const EXTENSIONS: Record<Format, string> = {
  png: ".png",
  svg: ".svg",
  mermaid: ".mmd",
  markdown: ".md",
  html: ".html",
  bpmn: ".bpmn",
};

const HELP = `Usage: flowcast export FILE --to png|svg|mermaid|markdown|html|bpmn [options]

Exports a flow as a picture, a Mermaid flowchart, an onboarding runbook or a BPMN 2.0
diagram (Camunda Modeler, bpmn.io; flowcast import reads it back exactly).

Options:
  --to FORMAT         png, svg, mermaid, markdown (the runbook), html (printable runbook) or bpmn
  --out FILE          where to write (default: standard output for text; FILE.png for png)
  --scale N           size factor of the picture, e.g. 2 for a sharp PNG (default 1)
  --results FILE      colour work steps by load from a flowcast-results/v1 file (png, svg)
  -h, --help          show this help
`;

export async function run(args: string[], io: CliIO): Promise<number> {
  const values = readOptions(args);
  if (values.help) {
    io.out(HELP);
    return 0;
  }
  const file = values.positionals[0]!;
  const format = values.to;
  const scale = values.scale;
  const out = values.out ?? (format === "png" ? replaceExtension(file, EXTENSIONS.png) : undefined);
  await guardOutputs([file, values.results], [{ option: "--out", path: out }]);
  const parsed = await readModelFile(file, io);
  if (!parsed.ok) {
    for (const d of parsed.diagnostics) io.err(`${file}: ${d.message}\n`);
    return 1;
  }
  const model = parsed.model;
  const load = values.results ? await readResults(values.results) : undefined;
  if (format === "png") {
    const svg = renderFlowSvg(model, await flowPositions(model), { ...(load ? { load } : {}) });
    let raster: ReturnType<typeof rasteriseSvgBounded>;
    try {
      raster = rasteriseSvgBounded(svg, scale);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // The flow is valid; the picture asked of it is not one that can be drawn: a usage error.
      io.err(`${file}: cannot export a PNG: ${error.message}.\n`);
      return 2;
    }
    await writeOutput(out!, raster.png);
    if (raster.scale < raster.requestedScale) {
      io.err(
        `note: the picture was too big at scale ${raster.requestedScale}; drawn at scale ${Number(raster.scale.toPrecision(3))} (${raster.width} x ${raster.height} px)\n`,
      );
    }
    io.err(`wrote ${out}\n`);
    return 0;
  }
  const text = await renderText(model, format, scale, load);
  if (out === undefined) io.out(text);
  else {
    await writeOutput(out, text);
    io.err(`wrote ${out}\n`);
  }
  return 0;
}

/** Node top-left positions (px): the flow's saved layout when it places every node, else an automatic layout. */
export async function flowPositions(model: Model): Promise<Record<string, { x: number; y: number }>> {
  if (model.nodes.every((n) => Object.hasOwn(model.layout, n.id))) return model.layout;
  // Without a prototype, a node id such as "constructor" finds no inherited value.
  return Object.assign(Object.create(null), (await layoutOrFallback(model, layoutFlow)).positions);
}

// helpers

function readOptions(args: string[]): {
  help: boolean;
  positionals: string[];
  to: Format;
  out?: string;
  scale: number;
  results?: string;
} {
  const { values: all, positionals } = parseCommandLine(args, OPTIONS, HELP);
  if (all.help) return { help: true, positionals, to: "svg", scale: 1 };
  if (positionals.length !== 1) throw new UsageError(`expected one flow file, got ${positionals.length}\n\n${HELP}`);
  const values = {
    to: stringOption(all, "to"),
    scale: stringOption(all, "scale"),
    out: stringOption(all, "out"),
    results: stringOption(all, "results"),
  };
  const to = values.to;
  if (to === undefined) throw new UsageError(`--to is required (one of ${FORMATS.join(", ")})`);
  if (!(FORMATS as readonly string[]).includes(to))
    throw new UsageError(`--to must be one of ${FORMATS.join(", ")}, not "${to}"`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8)
    throw new UsageError(`--scale must be a number above 0 and at most 8, not "${values.scale}"`);
  return {
    help: false,
    positionals,
    to: to as Format,
    scale,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.results !== undefined ? { results: values.results } : {}),
  };
}

const OPTIONS: Record<string, OptionSpec> = {
  to: { type: "string" },
  out: { type: "string" },
  scale: { type: "string" },
  results: { type: "string" },
  help: { type: "boolean", short: "h" },
};

async function renderText(
  model: Model,
  format: Exclude<Format, "png">,
  scale: number,
  load?: Results,
): Promise<string> {
  switch (format) {
    case "svg":
      return renderFlowSvg(model, await flowPositions(model), { scale, ...(load ? { load } : {}) });
    case "mermaid":
      return toMermaid(model);
    case "markdown":
      return toRunbookMarkdown(model);
    case "html":
      return toRunbookHtml(model, await flowPositions(model));
    case "bpmn":
      return toBpmn(model, await flowPositions(model));
  }
}

async function readResults(path: string): Promise<Results> {
  const text = await readTextFile(path);
  try {
    const value = JSON.parse(text) as Partial<Results>;
    if (value.format === "flowcast-results/v1" && value.teams && value.nodes) return value as Results;
  } catch {
    // fall through to the message below
  }
  throw new UsageError(
    `cannot read ${path}: it is not a flowcast-results/v1 file (make one with flowcast simulate --out)`,
  );
}

function replaceExtension(path: string, extension: string): string {
  return path.replace(/\.[^./\\]*$/, "") + extension;
}
