// Numbers as the dashboard writes them: in the page's language (index.html says `en`), not the machine's, so
// that a page rendered on the server reads exactly as the browser then renders it.
const count = new Intl.NumberFormat('en');

/** "100,000". */
export function formatCount(n: number): string {
  return count.format(n);
}

/** A number with the word that fits it: "1 thread", "1,200 threads". */
export function quantity(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}
