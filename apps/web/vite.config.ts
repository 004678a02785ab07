import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

export default defineConfig({
  // React's automatic JSX runtime, without a plugin: Harbour needs no fast refresh here.
  oxc: { jsx: { runtime: 'automatic' } },
  // Every text file is also written brotli- and gzip-compressed at the highest levels, once, so the
  // gateway sends the smaller file that the browser accepts without compressing on each request.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], exclude: [/\.map$/], logLevel: 'silent' })],
  // The manifest lets `pnpm bench` weigh what each route loads.
  // Two pages: the web app, and the GraphQL explorer the gateway serves at /graphql to browsers.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true, rollupOptions: { input: { main: 'index.html', explorer: 'explorer.html' } } },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
