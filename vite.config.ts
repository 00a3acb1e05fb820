import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Everything is bundled locally: the page must work offline (no CDN, no web fonts).
export default defineConfig({
  plugins: [react()],
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
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  worker: {
    format: 'es',
  },
});
