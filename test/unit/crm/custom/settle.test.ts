import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWhenSettled, type ObservePage } from '../../../../lib/crm/custom/settle';

describe('readWhenSettled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function page() {
    let listener: (() => void) | null = null;
    const observe: ObservePage = (onChange) => {
      listener = onChange;
      return () => {
        listener = null;
      };
    };
    return { observe, change: () => listener?.(), get subscribed() { return listener !== null; } };
  }

  it('answers at once when the first reading is complete, without observing', async () => {
    const p = page();
    await expect(readWhenSettled(() => 3, (n) => n === 3, { observe: p.observe })).resolves.toBe(3);
    expect(p.subscribed).toBe(false);
  });

  it('reads again after changes and stops when complete', async () => {
    const p = page();
    let value = 0;
    const reads = vi.fn(() => value);
    const result = readWhenSettled(reads, (n) => n === 2, { observe: p.observe, quietMs: 50, idleMs: 1000, timeoutMs: 5000 });
    value = 1;
    p.change();
    await vi.advanceTimersByTimeAsync(60);
    value = 2;
    p.change();
    p.change();
    await vi.advanceTimersByTimeAsync(60);
    await expect(result).resolves.toBe(2);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(p.subscribed).toBe(false);
  });

  it('stops once the page is idle, so a field missing for good costs little', async () => {
    const p = page();
    const result = readWhenSettled(() => 'partial', () => false, { observe: p.observe, idleMs: 400, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(401);
    await expect(result).resolves.toBe('partial');
    expect(p.subscribed).toBe(false);
  });

  it('gives up at the timeout on a page that never stops changing, and on abort', async () => {
    const p = page();
    const result = readWhenSettled(() => 'x', () => false, { observe: p.observe, idleMs: 100, timeoutMs: 300 });
    for (let t = 0; t < 10; t++) {
      p.change();
      await vi.advanceTimersByTimeAsync(50);
    }
    await expect(result).resolves.toBe('x');
    const abort = new AbortController();
    const aborted = readWhenSettled(() => 'y', () => false, { observe: p.observe, signal: abort.signal });
    abort.abort();
    await expect(aborted).resolves.toBe('y');
    expect(p.subscribed).toBe(false);
  });
});
