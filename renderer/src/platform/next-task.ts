/**
 * Resolves in a task of its own: what runs after it is not added to the current task (which would make it longer)
 * and the window can paint and answer input in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the window has had the chance to paint what was just changed: in a task after the next frame, or
 * after `longestMs` where no frame comes (a hidden window draws none), or at the next task where there are no
 * frames at all (tests).
 */
export function afterNextPaint(longestMs = 100): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return nextTask();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, longestMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
