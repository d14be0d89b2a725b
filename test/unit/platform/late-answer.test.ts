import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerWithin } from '../../../lib/platform/late-answer';

describe('answerWithin (a browser API that may never answer)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes an answer that comes in time, and never calls onLate', async () => {
    const onLate = vi.fn();
    const result = answerWithin(Promise.resolve({ playbook: 'bant' }), 1500, {}, onLate);
    await expect(result).resolves.toEqual({ playbook: 'bant' });
    await vi.runAllTimersAsync();
    expect(onLate).not.toHaveBeenCalled();
  });

  it('goes on with the fallback when no answer comes, and hands over the late answer', async () => {
    let answer!: (value: string) => void;
    const onLate = vi.fn();
    const onTimeout = vi.fn();
    const result = answerWithin(new Promise<string>((resolve) => (answer = resolve)), 1500, 'none', onLate, onTimeout);
    await vi.advanceTimersByTimeAsync(1499);
    expect(onTimeout).not.toHaveBeenCalled();
    let settled = false;
    void result.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('none');
    expect(onTimeout).toHaveBeenCalledOnce();
    answer('late policy');
    await Promise.resolve();
    await Promise.resolve();
    expect(onLate).toHaveBeenCalledWith('late policy');
  });

  it('a pending answer that never comes leaves only the fallback', async () => {
    const onLate = vi.fn();
    const result = answerWithin(new Promise<string>(() => undefined), 10, 'none', onLate);
    await vi.advanceTimersByTimeAsync(10);
    await expect(result).resolves.toBe('none');
    expect(onLate).not.toHaveBeenCalled();
  });

  it('a rejected answer is the fallback, before or after the wait', async () => {
    const onLate = vi.fn();
    await expect(answerWithin(Promise.reject(new Error('no managed storage')), 1500, 'none', onLate)).resolves.toBe('none');
    let fail!: (error: Error) => void;
    const slow = answerWithin(new Promise<string>((_, reject) => (fail = reject)), 10, 'none', onLate);
    await vi.advanceTimersByTimeAsync(10);
    fail(new Error('late failure'));
    await expect(slow).resolves.toBe('none');
    expect(onLate).not.toHaveBeenCalled();
  });
});
