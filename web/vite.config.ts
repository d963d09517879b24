// Vite build of the dashboard: static files in dist/ that `stroom serve --web web/dist` serves at /.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths, so the built app also works when served below a path prefix.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vega and Vega-Lite are one large chunk by nature; the warning would only be noise.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // `npm run dev` talks to a running `stroom serve` (default port 8080) for /api.
    proxy: { '/api': process.env.STROOM_API ?? 'http://127.0.0.1:8080' },
  },
});
