// Page-side probes shared by the browser benchmarks. Each function runs inside the page, so it may use
// only its argument and the DOM, never variables of this module.

/** Markup of a loaded member row, common to the app and the floor page; a loader row has no data-username. */
export const MEMBER_ROW = '[role="row"][data-username]';

/** Where the init script leaves `performance.now()` of the first member row's insertion. */
export const FIRST_ROW_KEY = '__benchFirstMemberRowAt';

/** Init script: note the time the first member row is attached, before any of the page's own scripts run. */
export function recordFirstMemberRow({ key, selector }: { key: string; selector: string }): void {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    Reflect.set(window, key, performance.now());
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

export function firstMemberRowAt(key: string): number | null {
  const at: unknown = Reflect.get(window, key);
  return typeof at === 'number' ? at : null;
}

/** When the members request that drew the first rows was sent and answered, from Resource Timing. */
export function membersRequestTiming(pathPart: string): { startMs: number; endMs: number } | null {
  for (const entry of performance.getEntriesByType('resource')) {
    if (entry instanceof PerformanceResourceTiming && entry.name.includes(pathPart)) {
      return { startMs: entry.startTime, endMs: entry.responseEnd };
    }
  }
  return null;
}

/** Paths of the scripts the page has fetched so far. */
export function scriptsLoaded(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((pathname) => pathname.endsWith('.js'));
}

/** The server's render time for the page, from the `render` entry of its Server-Timing header; null without. */
export function renderTiming(): number | null {
  const [navigation] = performance.getEntriesByType('navigation');
  if (!(navigation instanceof PerformanceNavigationTiming)) return null;
  const render = navigation.serverTiming.find((entry) => entry.name === 'render');
  return render === undefined ? null : render.duration;
}

/** From now on, the longest main-thread task goes into `window[key]` (0 until one is seen). */
export function watchLongTasks(key: string): void {
  Reflect.set(window, key, 0);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      Reflect.set(window, key, Math.max(Number(Reflect.get(window, key)), entry.duration));
    }
  }).observe({ type: 'longtask' });
}

export function longestTask(key: string): number {
  return Number(Reflect.get(window, key) ?? Number.NaN);
}

/** Member rows a person sees whole: their middle is not covered (by a sticky header) and all of them is on screen. */
export function visibleMemberRows({ grid, row }: { grid: string; row: string }): number {
  const box = document.querySelector(grid)?.getBoundingClientRect();
  if (box === undefined) return 0;
  return Array.from(document.querySelectorAll(row)).filter((element) => {
    const rect = element.getBoundingClientRect();
    const middle = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return (
      middle !== null &&
      element.contains(middle) &&
      rect.top >= box.top &&
      rect.bottom <= Math.min(box.bottom, window.innerHeight) + 0.5
    );
  }).length;
}
