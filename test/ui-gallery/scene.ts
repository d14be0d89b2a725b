import type { JSX } from 'preact';

export interface Scene {
  id: string;
  title: string;
  kind: 'sidebar' | 'popup' | 'options';
  /** prefers-color-scheme to emulate when shooting. */
  scheme: 'light' | 'dark';
  render(): JSX.Element;
}

declare global {
  interface Window {
    /** Callbacks fired by the components, for shoot.ts to check. */
    __events: string[];
  }
}

export function record(event: string): void {
  (window.__events ??= []).push(event);
}
