// A small set of line icons drawn inline, so the strict CSP needs no icon font or remote images.
// Imports: react only.
import type { ReactElement } from 'react';

const paths = {
  traces: 'M3 4h10M3 8h10M3 12h6',
  clusters: 'M5.5 6.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM11 8.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM6.5 13.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  datasets: 'M3 4c0-1.1 2.2-2 5-2s5 .9 5 2-2.2 2-5 2-5-.9-5-2zM3 4v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2',
  review: 'M3 8.5l3 3 7-7',
  jobs: 'M2 8h3l2-5 2 10 2-5h3',
  evaluate: 'M2.5 13.5h11M4 13.5V9M8 13.5V4M12 13.5V7',
  settings: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4',
  search: 'M7 12A5 5 0 1 0 7 2a5 5 0 0 0 0 10zM14 14l-3.5-3.5',
  file: 'M4 1.5h5l3 3v10H4zM9 1.5v3h3',
  upload: 'M8 10.5V2.5M5 5.5l3-3 3 3M2.5 10.5v3h11v-3',
  close: 'M4 4l8 8M12 4l-8 8',
  chevron: 'M6 4l4 4-4 4',
  warning: 'M8 2l6.5 11.5h-13zM8 6.5v3M8 11.5v.5',
  keyboard: 'M1.5 4h13v8h-13zM4 6.5h1M7 6.5h1M10 6.5h1M4.5 9.5h7',
  tool: 'M10 2.5a3 3 0 0 0-2.8 4L2.5 11.2l2.3 2.3 4.7-4.7a3 3 0 0 0 4-2.8l-1.8 1.8-1.7-.5-.5-1.7z',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3',
  expand: 'M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10',
  collapse: 'M6 2.5V6H2.5M13.5 6H10V2.5M10 13.5V10h3.5M2.5 10H6v3.5',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16, label }: { name: IconName; size?: number; label?: string }): ReactElement {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <path d={paths[name]} />
    </svg>
  );
}
