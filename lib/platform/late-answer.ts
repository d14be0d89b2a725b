/**
 * An answer that may come late or never: `answer` if it settles within `ms`, else `fallback` at
 * once (telling `onTimeout`), and the real answer, should it still come, to `onLate` (rejections
 * count as no answer).
 * Why: Chromium's `storage.managed.get()` can stay pending for as long as the browser's policy
 * service has not answered for the extension (seen for 40 s and more on a busy page), and every
 * coaching request reads the policy first.
 */
export function answerWithin<T>(answer: Promise<T>, ms: number, fallback: T, onLate: (value: T) => void, onTimeout?: () => void): Promise<T> {
  let timedOut = false;
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => {
      timedOut = true;
      resolve(fallback);
      onTimeout?.();
    }, ms);
    answer.then(
      (value) => {
        clearTimeout(timer);
        if (timedOut) onLate(value);
        else resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
