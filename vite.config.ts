import { createHash } from 'node:crypto'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/**
 * The Content-Security-Policy of the served console (docs/api.md, "Content-Security-Policy"): only
 * what the console needs. The built app is the page's own module scripts, its service worker
 * (/mockServiceWorker.js) and persistence worker, its stylesheets and logos; deliveries go to the
 * https URLs users enter and to receivers on this machine.
 */
const policy = (extra: { script?: string[]; connect?: string[] }, style: string[]) =>
  [
    // Anything not named below: this origin only.
    "default-src 'self'",
    // The bundled modules; no inline script, no eval.
    ["script-src 'self'", ...(extra.script ?? [])].join(' '),
    // The mock service worker and the IndexedDB worker are files of this origin.
    "worker-src 'self'",
    // The bundled stylesheets. React's `style` props are set through the DOM, which CSP allows.
    ["style-src 'self'", ...style].join(' '),
    // Logos are files of this origin; React Spectrum's icons are inline SVG elements.
    "img-src 'self' data:",
    "font-src 'self'",
    // The API is this origin (answered by the service worker); the engine delivers to the https
    // endpoints users enter, and to receivers and token servers on this machine over http.
    [
      "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
      ...(extra.connect ?? []),
    ].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')

/** The one inline script of the dev server: React Refresh's preamble, allowed by its hash. */
const refreshPreamble = `'sha256-${createHash('sha256')
  .update(react.preambleCode.replace('__BASE__', '/'))
  .digest('base64')}'`

/**
 * The one <style> element of the built console: React Aria's usePress adds its touch-action rule
 * for pressable elements. A hash allows that text only (e2e/markup.spec.ts fails if it changes).
 */
const pressableStyle = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='"

const servedPolicy = policy({}, [pressableStyle])
/**
 * The dev server also injects every stylesheet as a <style> element ('unsafe-inline', which a
 * hash would turn off) and talks to its HMR websocket.
 */
const devPolicy = policy({ script: [refreshPreamble], connect: ['ws:'] }, ["'unsafe-inline'"])

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.VITE_OUT_DIR ?? 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { headers: { 'Content-Security-Policy': devPolicy } },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': servedPolicy } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'backend/**/*.test.ts',
            'contracts/**/*.test.ts',
            'src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/testing/setup-dom.ts', 'backend/testing/dom-backend.ts'],
          server: {
            deps: { inline: [/@adobe\/react-spectrum/, /@react-spectrum\//, /@spectrum-icons\//] },
          },
        },
      },
    ],
  },
})
