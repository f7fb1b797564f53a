// Page-side scrolling for the scrolling benchmark. It runs inside the page, so it uses only its argument and the DOM.

export interface ScrollProgress {
  /** Join-order index of the furthest member row seen at the bottom of the grid (moderator = 0); -1 for none. */
  lastIndex: number;
  /** Most member rows in the DOM at once, sampled after each step. */
  maxRowsInDom: number;
  steps: number;
  error: string | null;
}

export interface ScrollRequest {
  gridSelector: string;
  rowSelector: string;
  lastIndex: number;
  targetIndex: number;
  /** How long this call may scroll before it reports back, so the caller can enforce its deadline. */
  budgetMs: number;
}

/**
 * Scrolls the grid down a viewport at a time; a step counts once a further member shows at the grid's bottom
 * edge. At the end of the loaded rows scrollTop cannot move, so it keeps trying each frame while the page loads.
 */
export async function scrollMembers(request: ScrollRequest): Promise<ScrollProgress> {
  // No named helper functions in here: tsx wraps them in a `__name` call that does not exist in the page.
  const grid = document.querySelector<HTMLElement>(request.gridSelector);
  const progress: ScrollProgress = { lastIndex: request.lastIndex, maxRowsInDom: 0, steps: 0, error: null };
  if (grid === null) return { ...progress, error: `no ${request.gridSelector} on the page` };
  const stopAt = performance.now() + request.budgetMs;
  let scrollPending = true;
  while (performance.now() < stopAt && progress.lastIndex < request.targetIndex) {
    if (scrollPending) {
      const before = grid.scrollTop;
      grid.scrollTop = before + grid.clientHeight;
      // At the bottom of what is loaded: try again next frame rather than wait for rows that need a scroll.
      scrollPending = grid.scrollTop === before;
    }
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    const box = grid.getBoundingClientRect();
    const hit = document
      .elementFromPoint(box.left + box.width / 2, box.bottom - 4)
      ?.closest(request.rowSelector);
    // A loader row or blank space at the bottom edge: the furthest member rendered is as far as we got.
    const candidates = hit ? [hit] : Array.from(grid.querySelectorAll(request.rowSelector));
    let shown = -1;
    for (const row of candidates) {
      const name = row.getAttribute('data-username') ?? '';
      const number = name === 'moderator' ? '0' : /^user(\d+)$/.exec(name)?.[1];
      if (number !== undefined) shown = Math.max(shown, Number(number));
    }
    if (shown > progress.lastIndex) {
      progress.lastIndex = shown;
      progress.steps++;
      const rowsInDom = document.querySelectorAll(request.rowSelector).length;
      progress.maxRowsInDom = Math.max(progress.maxRowsInDom, rowsInDom);
      scrollPending = true;
    }
  }
  return progress;
}
