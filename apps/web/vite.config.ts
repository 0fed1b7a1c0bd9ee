import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the UI runs on Vite's server and calls the API on API_PORT; in production the API
// serves the built files itself, on one port.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/api": `http://localhost:${process.env.API_PORT ?? 3000}` } },
  build: { outDir: "dist", chunkSizeWarningLimit: 3000 },
});
