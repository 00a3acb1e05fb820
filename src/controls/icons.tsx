/** Small inline icons (no icon font, no network). */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const PauseIcon = () => (
  <svg {...common}>
    <rect x="3.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3" height="11" rx="1" fill="currentColor" />
  </svg>
);

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4.5 2.8v10.4a.6.6 0 0 0 .9.5l8.2-5.2a.6.6 0 0 0 0-1L5.4 2.3a.6.6 0 0 0-.9.5Z" fill="currentColor" />
  </svg>
);

export const SunIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="3" fill="currentColor" />
    <path d="M8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.4 1.4M11.6 11.6 13 13M3 13l1.4-1.4M11.6 4.4 13 3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

export const MoonIcon = () => (
  <svg {...common}>
    <path d="M13.5 10.2A6 6 0 0 1 5.8 2.5a6 6 0 1 0 7.7 7.7Z" fill="currentColor" />
  </svg>
);

export const PresenterIcon = () => (
  <svg {...common}>
    <rect x="1.5" y="2" width="13" height="9" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M8 11v3M5 14.5h6" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

export const SidebarIcon = () => (
  <svg {...common}>
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <path d="M6 2.5v11" stroke="currentColor" strokeWidth="1.4" />
  </svg>
);

export const EditorIcon = () => (
  <svg {...common}>
    <path d="M5.5 4 2 8l3.5 4M10.5 4 14 8l-3.5 4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const FitIcon = () => (
  <svg {...common}>
    <path d="M2 5.5V2h3.5M10.5 2H14v3.5M14 10.5V14h-3.5M5.5 14H2v-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
