/** Icons for the stepping buttons (inline SVG, like icons.tsx). */
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

/** One task: play to a bar. */
export const StepIcon = () => (
  <svg {...common}>
    <path d="M3 3.2v9.6a.6.6 0 0 0 .92.5l6.6-4.8a.6.6 0 0 0 0-1L3.92 2.7A.6.6 0 0 0 3 3.2Z" fill="currentColor" />
    <rect x="11.5" y="2.5" width="2" height="11" rx="0.8" fill="currentColor" />
  </svg>
);

/** To the next write: play to a pen nib. */
export const StepWriteIcon = () => (
  <svg {...common}>
    <path d="M1.5 3.6v8.8a.55.55 0 0 0 .85.46l5.9-4.4a.55.55 0 0 0 0-.92l-5.9-4.4a.55.55 0 0 0-.85.46Z" fill="currentColor" />
    <path d="m9.6 12.9 1-3.2 3.6-3.6a1.1 1.1 0 0 1 1.6 1.6l-3.6 3.6Z" fill="currentColor" />
  </svg>
);

/** Until the selected object changes: play to a target. */
export const StepObjectIcon = () => (
  <svg {...common}>
    <path d="M1.5 4v8a.5.5 0 0 0 .8.4l5.2-4a.5.5 0 0 0 0-.8l-5.2-4a.5.5 0 0 0-.8.4Z" fill="currentColor" />
    <circle cx="11.8" cy="8" r="3.4" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <circle cx="11.8" cy="8" r="1.2" fill="currentColor" />
  </svg>
);

/** Until idle: fast-forward to a bar. */
export const IdleIcon = () => (
  <svg {...common}>
    <path d="M1 3.6v8.8a.5.5 0 0 0 .8.4L7 8.4a.5.5 0 0 0 0-.8L1.8 3.2a.5.5 0 0 0-.8.4ZM6.8 3.6v8.8a.5.5 0 0 0 .8.4l5.2-4.4a.5.5 0 0 0 0-.8L7.6 3.2a.5.5 0 0 0-.8.4Z" fill="currentColor" />
    <rect x="13.2" y="2.8" width="1.8" height="10.4" rx="0.7" fill="currentColor" />
  </svg>
);

export const HistoryIcon = () => (
  <svg {...common}>
    <path d="M2.5 8a5.5 5.5 0 1 0 1.6-3.9" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
    <path d="M1.8 2.2v3h3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    <path d="M8 5v3.2l2.2 1.4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
