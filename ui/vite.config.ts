import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app is served by Tauri's asset protocol under a strict CSP: no inline scripts, so
// Vite must not inline its module preload polyfill.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari15",
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The editor (CodeMirror, with the HTML/CSS/JS grammars lang-markdown embeds) in its own
    // chunk, ~520 kB: read from the app bundle, never downloaded, so the limit is raised.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks: (id) => (/node_modules\/(@codemirror|@lezer|style-mod|w3c-keyname|crelt)\//.test(id) ? "editor" : undefined),
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
