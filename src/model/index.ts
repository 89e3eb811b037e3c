/** The flowcast/v1 model: schemas, types, parsing, validation and scenarios. */
export * from "./diagnostics";
export * from "./distribution";
export * from "./duration";
export * from "./fields";
export * from "./parse";
export * from "./ports";
export * from "./scenario";
export * from "./schema";
export { nearestField } from "./unknownFields";
export * from "./validate";
