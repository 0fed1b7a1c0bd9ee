import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * Writes a .gz and a .br copy beside every built text file, at the strongest levels: the server sends them as they
 * are (@fastify/static preCompressed), so a page costs no compression work and gets the smallest files.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "chiso-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: "utf8" })
        .filter((file) => /\.(js|css|html|svg|json)$/.test(file));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = fs.readFileSync(full);
          if (content.length < 1024) return;
          fs.writeFileSync(`${full}.gz`, await gzip(content, { level: 9 }));
          fs.writeFileSync(
            `${full}.br`,
            await brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }),
      );
    },
  };
}

// In development the UI runs on Vite's server and calls the API on API_PORT; in production the API
// serves the built files itself, on one port. Pages are loaded on demand (src/app/pages.tsx); the manifest tells
// scripts/bench/web-bundle.mjs which files the first load needs.
export default defineConfig({
  plugins: [react(), precompress()],
  server: { port: 5173, proxy: { "/api": `http://localhost:${process.env.API_PORT ?? 3000}` } },
  build: { outDir: "dist", manifest: true, chunkSizeWarningLimit: 700 },
});
