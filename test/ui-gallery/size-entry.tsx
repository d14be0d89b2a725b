/** What the content script will bundle of ours: Preact + the sidebar (+ its CSS). Used by size.ts. */
import { render } from 'preact';
import { Sidebar } from '../../components/sidebar';
import type { SidebarProps } from '../../components/types';

export function mountSidebar(el: HTMLElement, props: SidebarProps): void {
  render(<Sidebar {...props} />, el);
}
