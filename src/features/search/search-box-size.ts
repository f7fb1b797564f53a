/** The search box's width in the top bar, which the bar also keeps free while the box's code loads. */
export const SEARCH_BOX_WIDTH = { width: 240, maxWidth: '30vw' } as const;
