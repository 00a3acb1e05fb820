import { ClockControls } from '../controls/ClockControls';
import { ViewControls } from '../controls/ViewControls';
import { HeaderActions } from './HeaderActions';
import { StatusLine } from './StatusLine';

export function Header() {
  return (
    <header className="app-header">
      <h1 className="app-title">
        <svg className="app-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <path d="M16 2.5 28 9.25v13.5L16 29.5 4 22.75V9.25Z" fill="#326ce5" />
          <path d="M16 8.5 22.5 12.25v7.5L16 23.5 9.5 19.75v-7.5Z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
          <circle cx="16" cy="16" r="2.25" fill="#fff" />
        </svg>
        Kube Playground
      </h1>
      <StatusLine />
      <div className="header-spacer" />
      <ClockControls />
      <HeaderActions />
      <ViewControls />
    </header>
  );
}
