import { Icon } from '../icons';

/** "Set by your administrator", with a lock, for settings fixed by enterprise policy. */
export function LockedNote({ id }: { id?: string }) {
  return (
    <span class="dc-locked" id={id}>
      <Icon name="lock" />
      Set by your administrator
    </span>
  );
}

/** Whether a settings path is fixed by policy ("thresholds" locks every threshold). */
export function isLocked(locked: readonly string[], path: string): boolean {
  return locked.some((l) => path === l || path.startsWith(`${l}.`));
}
