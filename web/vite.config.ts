/**
 * Builds the web UI into dist/web, which `crosscheck serve` hands out at `/`. Relative asset
 * paths so the same build works behind any prefix; nothing is fetched from a CDN (works offline).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: '../dist/web', emptyOutDir: true, target: 'es2022' },
});
