/**
 * The sample flows shipped in samples/*.json, bundled into the app, decoded once. A sample
 * that does not decode is left out (the sample tests catch that).
 */
import { type Model, parseModelText } from "../../model";

export interface Sample {
  /** File name, e.g. "omnichannel-retail.json". */
  file: string;
  name: string;
  description: string;
  model: Model;
}

const RAW = import.meta.glob("../../../samples/*.json", { eager: true, query: "?raw", import: "default" }) as Record<
  string,
  string
>;

let decoded: readonly Sample[] | undefined;

/**
 * Every sample that decodes, by name. Decoded on first use, not as the page starts: a page
 * reopening its autosaved flow needs none of them.
 */
export function samples(): readonly Sample[] {
  decoded ??= Object.entries(RAW)
    .flatMap(([path, text]) => {
      const sample = decode(path, text);
      return sample ? [sample] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return decoded;
}

/** The sample a fresh app opens on: the omnichannel one when present, else any. */
export function defaultSample(): Sample | undefined {
  const path = Object.keys(RAW).find((key) => key.endsWith("/omnichannel-retail.json"));
  return (path ? decode(path, RAW[path] as string) : undefined) ?? samples()[0];
}

// helpers

function decode(path: string, text: string): Sample | undefined {
  const parsed = parseModelText(text);
  if (!parsed.ok) return undefined;
  const file = path.split("/").pop() as string;
  return { file, name: parsed.model.name, description: parsed.model.description ?? "", model: parsed.model };
}
