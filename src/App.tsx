import { Header } from './app/Header';
import { NamespacesPanel } from './namespaces/NamespacesPanel';
import { NodesPanel } from './nodes/NodesPanel';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <p className="app-intro">
          A Kubernetes v1.32 cluster running entirely in this browser tab: API server, scheduler, controllers and kubelets.
          What you see below is read from its API and kept live by watches.
        </p>
        <NodesPanel />
        <NamespacesPanel />
      </main>
    </div>
  );
}
