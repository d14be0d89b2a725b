import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A titled region of the sidebar: <section> labelled by its <h3>, an optional action and meta line. */
export function Section({ title, meta, action, children }: { title: ComponentChildren; meta?: ComponentChildren; action?: ComponentChildren; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="dc-section" aria-labelledby={id}>
      <div class="dc-section__head">
        <h3 id={id} class="dc-section__title">
          {title}
        </h3>
        {action}
      </div>
      {meta != null && <p class="dc-section__meta">{meta}</p>}
      {children}
    </section>
  );
}
