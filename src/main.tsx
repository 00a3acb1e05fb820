import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installDevtoolsHandle } from './app/devtoolsHandle';
import { animationFrameScheduler } from './cluster/changeBatcher';
import { ClusterProvider } from './cluster/ClusterContext';
import { connectClusterWorker } from './cluster/client';
import { MIRRORED_RESOURCES } from './cluster/resources';
import { seedFromSearch } from './cluster/seed';
import { startClusterSession } from './cluster/session';
import './app/app.css';

const client = connectClusterWorker({ seed: seedFromSearch(window.location.search) });
const session = startClusterSession(client, MIRRORED_RESOURCES, animationFrameScheduler);
installDevtoolsHandle(client);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <ClusterProvider session={session}>
      <App />
    </ClusterProvider>
  </StrictMode>,
);
