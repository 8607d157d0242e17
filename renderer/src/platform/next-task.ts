/**
 * Resolves in a task of its own: what runs after it is not added to the current task (which would make it longer)
 * and the window can paint and answer input in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
