import { Header } from './app/Header';
import { NamespacesPanel } from './namespaces/NamespacesPanel';
import { NodesPanel } from './nodes/NodesPanel';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <NodesPanel />
        <NamespacesPanel />
      </main>
    </div>
  );
}
