// Vite bundles the page, the SDK's signer Worker (new Worker(new URL(...,
// import.meta.url))) and its .wasm (new URL(..., import.meta.url)) into dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
