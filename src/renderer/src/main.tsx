import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/app.css'

const root = document.getElementById('root')
if (root) {
  // Drop the one-time token from the address bar and history if it is still there.
  if (location.search.includes('t=')) history.replaceState(null, '', location.pathname + location.hash)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
