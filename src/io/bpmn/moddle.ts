/**
 * bpmn-moddle, the bpmn.io project's BPMN 2.0 reader and writer, with Flowcast's extension:
 * one `flowcast:data` element in `bpmn:extensionElements`, whose `role` says what it carries
 * ("flow", "node", "edge" or "split") and whose text is JSON in the flowcast/v1 file form.
 * The package ships no types for its entry point; the few members used here are typed below.
 */
import { BpmnModdle } from "bpmn-moddle";

/** The XML namespace of Flowcast's extension elements. */
export const FLOWCAST_NS = "https://flowcast.dev/schema/bpmn/v1";

/** Any element bpmn-moddle reads or writes: its `$type` and the BPMN properties by name. */
export interface BpmnElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: BpmnElement;
  [property: string]: unknown;
}

export interface Moddle {
  create(type: string, properties?: Record<string, unknown>): BpmnElement;
  fromXML(
    xml: string,
    type?: string,
  ): Promise<{ rootElement: BpmnElement; warnings: { message: string }[]; references: unknown[] }>;
  toXML(element: BpmnElement, options?: { format?: boolean }): Promise<{ xml: string }>;
}

const FLOWCAST_PACKAGE = {
  name: "Flowcast",
  uri: FLOWCAST_NS,
  prefix: "flowcast",
  xml: { tagAlias: "lowerCase" },
  types: [
    {
      name: "Data",
      superClass: ["Element"],
      properties: [
        { name: "role", isAttr: true, type: "String" },
        { name: "text", isBody: true, type: "String" },
      ],
    },
  ],
};

/** A reader/writer that knows BPMN 2.0, its diagram interchange and Flowcast's extension. */
export function createModdle(): Moddle {
  return new BpmnModdle({ flowcast: FLOWCAST_PACKAGE }) as unknown as Moddle;
}

/** What a `flowcast:data` element carries. */
export type DataRole = "flow" | "node" | "edge" | "split";

/**
 * The Flowcast data of `role` on an element, parsed, or undefined when absent or not JSON.
 * JSON.parse makes "__proto__" an own key, never a prototype.
 */
export function readData(element: BpmnElement, role: DataRole): unknown {
  const extension = element.extensionElements as BpmnElement | undefined;
  const values = (extension?.values as BpmnElement[] | undefined) ?? [];
  for (const value of values) {
    if (value.$type !== "flowcast:Data" || value.role !== role) continue;
    try {
      return JSON.parse(String(value.text ?? "")) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** An `extensionElements` holding one `flowcast:data` of `role` with `value` as JSON. */
export function writeData(moddle: Moddle, role: DataRole, value: unknown): BpmnElement {
  const data = moddle.create("flowcast:Data", { role, text: JSON.stringify(value) });
  return moddle.create("bpmn:ExtensionElements", { values: [data] });
}

/**
 * Text as an XML attribute or element can carry it: control characters (which XML forbids,
 * or which a reader turns into spaces) become spaces, lone surrogates and U+FFFE/U+FFFF the
 * replacement character. Exporter and importer both use it, so an unchanged name is recognised.
 */
export function bpmnText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
      .replace(/[\x00-\x1f]/g, " ")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, "\ufffd")
  );
}
