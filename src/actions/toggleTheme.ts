import { persistTheme } from '../theme/themePreference';
import type { Action } from './types';
import { OK } from './types';

export const toggleTheme: Action<'toggleTheme'> = {
  id: 'toggleTheme',
  label: 'Switch light or dark theme',
  shortcuts: [{ keys: 't', input: undefined }],
  perform(ctx) {
    const theme = ctx.ui.getState().theme === 'dark' ? 'light' : 'dark';
    ctx.ui.setState({ theme });
    persistTheme(theme);
    return OK;
  },
};
