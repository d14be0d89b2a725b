import { Section } from './Section';

/** What coaching could not use, in plain words (no history, activities not logged, ...). */
export function Limitations({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Section title="What coaching could not check">
      <ul class="dc-limits">
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
    </Section>
  );
}
