// Row density of the member grid, kept in the address (`?rows=compact`) so that a reload and the server's first
// screen draw the grid the way the moderator left it.
export type MemberDensity = 'standard' | 'compact';

export const ROW_HEIGHTS: Readonly<Record<MemberDensity, number>> = { standard: 32, compact: 24 };

export function densityFromParam(rows: string | null): MemberDensity {
  return rows === 'compact' ? 'compact' : 'standard';
}
