/**
 * Resolves in a later task of the page's event loop, so the browser can draw and answer
 * input in between: work split at these points never adds up to one long task.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
