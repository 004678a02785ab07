import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** The bare page `pnpm bench` compares the respondent's page with, built and precompressed as the web app is. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' })],
  build: { outDir: process.env.BARE_OUT_DIR, emptyOutDir: true, rollupOptions: { input: { index: 'bare.html' } } },
  logLevel: 'warn',
});
