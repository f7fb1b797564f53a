import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build` builds the browser's bundle into dist/; `vite build --ssr src/entry-server.tsx` builds the
// server entry, which renders the first screen, into dist/server/ (the static server never serves that folder).
// The server entry bundles its dependencies: built for production like the browser's (React's and emotion's
// production builds), it names styles exactly as the browser does, and needs no NODE_ENV at run time.
// (`--mode development` builds both for development, whose hydration warnings name what differs.)
export default defineConfig(({ isSsrBuild, mode }) => ({
  plugins: [react()],
  ssr: { noExternal: true },
  ...(isSsrBuild
    ? {
        define: {
          'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production'),
        },
      }
    : {}),
  // The browser's source maps would hand anyone the dashboard's sources, comments and all: a production build
  // has none. The server entry's stay, in dist/server/, which is never served.
  build: isSsrBuild
    ? { outDir: 'dist/server', copyPublicDir: false, sourcemap: true }
    : {
        outDir: 'dist',
        sourcemap: mode === 'development',
        // Everything the entry loads before any lazy import goes in one chunk. Split into the dozen chunks it
        // shared with the dialogs and pages, the same code took 10 kB more gzipped: each file's compression
        // starts afresh, and what crosses files needs exports and imports the minifier cannot shorten.
        rolldownOptions: {
          output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } },
        },
        // That chunk is about 520 kB before compression; the bench holds its gzipped size to a budget.
        chunkSizeWarningLimit: 600,
      },
}));
