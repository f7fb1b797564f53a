// jsdom lays nothing out and has no layout observers: components that watch sizes or intersections get ones
// that never report, which is what a page without layout would see.
export function stubLayoutObservers(): void {
  for (const name of ['ResizeObserver', 'IntersectionObserver'] as const) {
    if (name in globalThis) continue;
    Object.assign(globalThis, {
      [name]: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
}
