import { useShortcuts } from './actions/ActionsContext';
import { Shell } from './app/Shell';
import { useThemeAttributes } from './theme/useThemeAttributes';

export function App() {
  useShortcuts();
  useThemeAttributes();
  return <Shell />;
}
