import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { SessionGate } from './auth/session-gate';
import './styles/base.css';
import './styles/layout.css';
import './styles/page.css';
import './styles/lists.css';
import './styles/forms.css';
import './styles/dashboards.css';
import './styles/extras.css';
import './styles/entries.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionGate>
        <App />
      </SessionGate>
    </BrowserRouter>
  </StrictMode>,
);
