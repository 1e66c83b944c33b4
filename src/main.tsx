import { createRoot } from 'react-dom/client'
import { BootScreen } from './app/boot-screen'
import { z } from 'zod'
import './app/global.css'

// Zod compiles its parsers with `new Function` unless told not to; the Content-Security-Policy
// allows no eval (vite.config.ts), so it parses without compiling.
z.config({ jitless: true })

/**
 * Starts the in-browser backend (Mock Service Worker) before the first render of the console.
 * This is the one module allowed to import the backend, through a single dynamic import.
 */
async function boot() {
  const container = document.getElementById('root')
  if (!container) throw new Error('The page has no #root element.')
  const root = createRoot(container)
  root.render(<BootScreen state="starting" />)
  try {
    const { startBackend } = await import('../backend/browser')
    await startBackend()
  } catch (error) {
    root.render(<BootScreen state="failed" error={error} />)
    return
  }
  const { App } = await import('./app/app')
  root.render(<App />)
}

void boot()
