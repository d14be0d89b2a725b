/**
 * Unique ids for label/aria links in the custom-CRM editor. Not Preact's useId: the options page
 * re-renders its root with render() on every change, and components mounted after the first render
 * (the editor opens later) then get ids that repeat ones already on the page, so labels point at
 * the wrong control. A module counter cannot repeat.
 */
import { useState } from 'preact/hooks';

let next = 0;

export function useUniqueId(): string {
  return useState(() => `dc-cc-${++next}`)[0];
}
