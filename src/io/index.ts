/** Import and export of flows: pictures (SVG), Mermaid both ways, the runbook, share links. */
export * from "./keyFigure";
export * from "./mermaid/fromMermaid";
export * from "./mermaid/toMermaid";
export * from "./runbook/runbookHtml";
export * from "./runbook/runbookMarkdown";
export * from "./share";
export * from "./svg/flowSvg";
