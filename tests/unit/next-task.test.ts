// Waiting for the window to paint: after the next frame where there are frames, never longer than the limit
// where none come (a hidden window), at once where there are no frames at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '@renderer/platform/next-task';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('resolves in a task after the next frame, not before it', async () => {
    vi.useFakeTimers();
    let frame: (() => void) | null = null;
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
      frame = callback;
      return 1;
    });
    let painted = false;
    void afterNextPaint(100).then(() => (painted = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(painted).toBe(false);
    (frame as (() => void) | null)?.();
    expect(painted).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(painted).toBe(true);
  });

  it('resolves after the limit when no frame comes', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    let painted = false;
    void afterNextPaint(100).then(() => (painted = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(painted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(painted).toBe(true);
  });

  it('resolves at the next task where there are no frames', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', undefined);
    let painted = false;
    void afterNextPaint(100).then(() => (painted = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(painted).toBe(true);
  });
});
