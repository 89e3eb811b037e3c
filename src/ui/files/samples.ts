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

/** Every sample that decodes, by name. */
export const SAMPLES: readonly Sample[] = Object.entries(RAW)
  .flatMap(([path, text]) => {
    const parsed = parseModelText(text);
    if (!parsed.ok) return [];
    const file = path.split("/").pop() as string;
    return [{ file, name: parsed.model.name, description: parsed.model.description ?? "", model: parsed.model }];
  })
  .sort((a, b) => a.name.localeCompare(b.name));

/** The sample a fresh app opens on: the omnichannel one when present, else any. */
export function defaultSample(): Sample | undefined {
  return SAMPLES.find((sample) => sample.file === "omnichannel-retail.json") ?? SAMPLES[0];
}
