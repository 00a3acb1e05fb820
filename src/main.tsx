import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ActionsProvider } from './actions/ActionsContext';
import type { ActionContext } from './actions/types';
import { installDevtoolsHandle } from './app/devtoolsHandle';
import { UiProvider } from './app/UiContext';
import { createUiStore } from './app/uiStore';
import { animationFrameScheduler } from './cluster/changeBatcher';
import { ClusterProvider } from './cluster/ClusterContext';
import { connectClusterWorker } from './cluster/client';
import { MIRRORED_RESOURCES } from './cluster/resources';
import { nodesFromSearch, seedFromSearch } from './cluster/seed';
import { startClusterSession } from './cluster/session';
import { pickTheme, readThemeEnvironment } from './theme/themePreference';
import './theme/theme.css';
import './app/app.css';

const client = connectClusterWorker({ seed: seedFromSearch(window.location.search), nodes: nodesFromSearch(window.location.search) });
const session = startClusterSession(client, MIRRORED_RESOURCES, animationFrameScheduler);
const ui = createUiStore({ theme: pickTheme(readThemeEnvironment()) });
// Actions write through the session's client: while the page shows the past, writes are refused there.
const actions: ActionContext = { client: session.client, cluster: session.store, ui, graph: { fit: null } };
installDevtoolsHandle(client, actions);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

createRoot(rootElement).render(
  <StrictMode>
    <ClusterProvider session={session}>
      <UiProvider store={ui}>
        <ActionsProvider context={actions}>
          <App />
        </ActionsProvider>
      </UiProvider>
    </ClusterProvider>
  </StrictMode>,
);
