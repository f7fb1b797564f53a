const count = new Intl.NumberFormat();

/** A number with the word that fits it: "1 thread", "1,200 threads". */
export function quantity(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}
