import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  worker: { format: "es" },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    // elk's worker script (1.6 MB, loaded in its Web Worker when the page is idle) is the
    // only file above this; the page itself loads well under it.
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        // Libraries in chunks of their own: they change less often than the app, so a
        // returning user's browser keeps them cached, and they download in parallel.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: "xyflow", test: /node_modules[\\/](@xyflow|d3-[a-z]+|classcat|zustand)[\\/]/ },
            { name: "chart", test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
