/**
 * Inline SVG icons (no images, no fonts). Decorative: always aria-hidden; the text beside
 * them carries the meaning, so colour and shape are never the only signal.
 */
import type { JSX } from 'preact';

type IconName = 'risk' | 'warn' | 'info' | 'check' | 'cross' | 'dash' | 'circle' | 'lock' | 'chevron' | 'refresh' | 'close' | 'ok' | 'arrow';

// Functions, so every icon gets fresh vnodes. Stroke defaults (currentColor, round caps, 1.8)
// come from .dc-icon in theme.css; filled shapes say fill="currentColor" stroke="none".
const CUT = 'var(--dc-bg, #fff)';
const PATHS: Record<IconName, () => JSX.Element> = {
  risk: () => (
    <>
      <path d="M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3z" fill="currentColor" stroke="none" />
      <path d="M8 4.5v4.2M8 10.8v.2" stroke={CUT} />
    </>
  ),
  warn: () => (
    <>
      <path d="M8 1.6 15 14H1z" fill="currentColor" stroke-width="1" />
      <path d="M8 6v3.6M8 11.6v.2" stroke={CUT} stroke-width="1.7" />
    </>
  ),
  info: () => (
    <>
      <circle cx="8" cy="8" r="6.8" fill="currentColor" stroke="none" />
      <path d="M8 7.2v4.2M8 4.8v.2" stroke={CUT} stroke-width="1.7" />
    </>
  ),
  ok: () => (
    <>
      <circle cx="8" cy="8" r="6.8" fill="currentColor" stroke="none" />
      <path d="m5 8.2 2 2 4-4.2" stroke={CUT} stroke-width="1.7" />
    </>
  ),
  check: () => <path d="m3.2 8.4 3 3 6.6-6.8" stroke-width="2" />,
  cross: () => <path d="m4.2 4.2 7.6 7.6m0-7.6-7.6 7.6" stroke-width="2" />,
  dash: () => <path d="M4 8h8" stroke-width="2" stroke-dasharray="2.4 2.6" />,
  circle: () => <circle cx="8" cy="8" r="4.5" stroke-width="1.6" />,
  lock: () => (
    <>
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" stroke="none" />
      <path d="M5.3 7V5a2.7 2.7 0 0 1 5.4 0v2" stroke-width="1.6" />
    </>
  ),
  chevron: () => <path d="m6 3.5 4.5 4.5L6 12.5" />,
  arrow: () => <path d="M3 8h9.5M8.5 4l4 4-4 4" />,
  refresh: () => <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v3h-3" stroke-width="1.7" />,
  close: () => <path d="m4.5 4.5 7 7m0-7-7 7" />,
};

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg class={className ? `dc-icon ${className}` : 'dc-icon'} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {PATHS[name]()}
    </svg>
  );
}

export type { IconName };
