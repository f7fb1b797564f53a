// The floor page's script (served as floor.js): the least work that shows a thread's first members, the
// baseline the app's first-row time is compared with. It appends further pages on scroll, without
// virtualization, so that the scrolling benchmark can be checked against it too.
export {};

const PAGE_SIZE = 50;

interface MemberPage {
  usernames: string[];
  cursor: string | null;
}

function parseMemberPage(body: unknown): MemberPage {
  if (typeof body !== 'object' || body === null) throw new Error('The members response is not an object.');
  const data: unknown = Reflect.get(body, 'data');
  const usernames: unknown =
    typeof data === 'object' && data !== null ? Reflect.get(data, 'affiliations') : null;
  if (!Array.isArray(usernames)) throw new Error('The members response has no data.affiliations.');
  const properties: unknown = Reflect.get(body, 'properties');
  const cursor: unknown =
    typeof properties === 'object' && properties !== null ? Reflect.get(properties, 'cursor') : null;
  return {
    usernames: usernames.filter((name): name is string => typeof name === 'string'),
    cursor: typeof cursor === 'string' ? cursor : null,
  };
}

async function fetchMemberPage(threadId: string, cursor: string | null): Promise<MemberPage> {
  const after = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
  const response = await fetch(
    `/api/chat/thread/${encodeURIComponent(threadId)}/users?limit=${PAGE_SIZE}${after}`,
    {
      credentials: 'same-origin',
    },
  );
  if (!response.ok) throw new Error(`Loading members failed with HTTP ${response.status}.`);
  return parseMemberPage(await response.json());
}

function appendRows(grid: HTMLElement, usernames: readonly string[]): void {
  const rows = document.createDocumentFragment();
  for (const username of usernames) {
    const row = document.createElement('div');
    row.setAttribute('role', 'row');
    row.dataset.username = username;
    const cell = row.appendChild(document.createElement('div'));
    cell.setAttribute('role', 'gridcell');
    cell.textContent = username;
    rows.appendChild(row);
  }
  grid.appendChild(rows);
}

function showMembers(grid: HTMLElement, threadId: string): void {
  let cursor: string | null = null;
  let loading = false;
  const loadNextPage = async (): Promise<void> => {
    loading = true;
    const page = await fetchMemberPage(threadId, cursor);
    appendRows(grid, page.usernames);
    cursor = page.usernames.length === 0 ? null : page.cursor;
    loading = false;
  };
  const fail = (error: unknown): void => {
    grid.textContent = error instanceof Error ? error.message : 'Loading members failed.';
  };
  grid.addEventListener('scroll', () => {
    const nearEnd = grid.scrollTop + grid.clientHeight > grid.scrollHeight - 200;
    if (nearEnd && !loading && cursor !== null) loadNextPage().catch(fail);
  });
  loadNextPage().catch(fail);
}

const grid = document.querySelector<HTMLElement>('[role="grid"]');
const threadId = new URLSearchParams(location.search).get('thread');
if (grid !== null && threadId !== null) showMembers(grid, threadId);
