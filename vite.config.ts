import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Everything is bundled locally: the page must work offline (no CDN, no web fonts).
export default defineConfig({
  plugins: [react()],
  resolve: {
    // monaco-yaml's worker imports Monaco's editor worker by a path monaco-editor 0.57 no longer exports.
    alias: [
      {
        find: /^monaco-editor\/esm\/vs\/(.*)$/,
        replacement: `${fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))}$1`,
      },
    ],
  },
  // Absolute asset URLs, so deep links served through the SPA fallback still load /assets/*.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The cluster worker is large by nature; the entry chunk is what page load waits for.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React changes rarely: its own long-cached chunk.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // Only what the first paint needs; Monaco stays in the editor's lazy chunk.
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  worker: {
    format: 'es',
  },
});
