import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { host, sessionToken } from './api'
import './styles/index.css'

/** What a tab without the session key shows (browser mode): the app cannot work without it. */
function Expired(): React.JSX.Element {
  return (
    <main className="expired">
      <h1>This Parley link has expired</h1>
      <p>
        A Parley link works once, for 30 seconds: it hands this tab the key to the notebook. Open the link Parley just printed in the
        terminal where you ran <code>npm start</code>, or start Parley again.
      </p>
    </main>
  )
}

const root = document.getElementById('root')
if (root) {
  // The launch code is read (and dropped from the address) before the router looks at the fragment.
  const key = host === 'browser' ? sessionToken() : Promise.resolve('')
  void key.then((token) => createRoot(root).render(<StrictMode>{token === null ? <Expired /> : <App />}</StrictMode>))
}
