/**
 * Browser tests run against the built app: build once with Vite, serve the build on a free
 * local port with `vite preview`, and hand its address to the tests (`inject("baseURL")`).
 */

import { build, preview } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await build({ logLevel: "warn", build: { outDir: "dist/e2e", emptyOutDir: true } });
  const server = await preview({
    logLevel: "warn",
    build: { outDir: "dist/e2e" },
    preview: { port: 0, host: "127.0.0.1", strictPort: false, open: false },
  });
  const address = server.resolvedUrls?.local[0];
  if (!address) throw new Error("vite preview did not report its address");
  project.provide("baseURL", address.replace(/\/$/, ""));
  return async () => {
    await server.close();
  };
}
