/** The top bar's operations button is this wide loaded or not, so the bar does not shift when it arrives. */
export const OPERATIONS_BUTTON_WIDTH = 132;
