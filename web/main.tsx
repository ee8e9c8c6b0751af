// First: it configures zod before any schema exists (see csp.ts).
import './csp';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './server-state/query-client';
import { App } from './app';
import { readWallOptions } from './features/wall-screen/wall-options';
import { configureMapLibreWorker } from './map/maplibre-worker';

document.documentElement.lang = 'zh-CN';
configureMapLibreWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App queryClient={createQueryClient()} options={readWallOptions(window.location.search)} />
  </StrictMode>,
);
