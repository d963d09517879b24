// Vite build of the dashboard: static files in dist/ that `stroom serve --web web/dist` serves at /.
// Every page is its own chunk (main.ts imports them on navigation) and Vega is loaded only by a
// page that draws a chart (ui/vega-loader.ts), so the login page loads neither. After the build,
// every compressible file gets a brotli (.br) and a gzip (.gz) copy, made once here with Node's
// zlib, which the server sends as they are (src/server/static_files.h): no compression per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** Writes FILE.br and FILE.gz beside every compressible file of dist/ when they are smaller. */
function precompress(outDir: string): Plugin {
  return {
    name: 'stroom-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of filesBelow(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const bytes = readFileSync(file);
        const copies: Array<[string, Buffer]> = [
          [
            '.br',
            brotliCompressSync(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
          ],
          ['.gz', gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })],
        ];
        for (const [suffix, copy] of copies) if (copy.length < bytes.length) writeFileSync(file + suffix, copy);
      }
    },
  };
}

export default defineConfig({
  // Relative asset paths, so the built app also works when served below a path prefix.
  base: './',
  plugins: [precompress('dist')],
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
