// Renderer entry: configures the api client over window.api and mounts the app.
// Imports: react-dom, the api client, App and the global styles.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/index.ts';
import { App } from './App.tsx';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/shell.css';
import './styles/traces.css';
import './features/clusters/clusters.css';
import './features/datasets/datasets.css';
import './features/settings/settings.css';
import './features/curate/curate.css';
import './features/review/review.css';
import './features/evaluate/evaluate.css';

configureApi();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
