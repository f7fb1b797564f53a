// A viewer reading one page at a steady rate, in a process of its own so that its fetching takes no CPU from
// the server it measures: `page-reader.ts URL PER_SECOND`. It stops when its standard input closes and prints
// how each read was answered, as JSON (`{"200": n, "429": n, "0": n}`, 0 for no answer).
const [url, perSecondText] = process.argv.slice(2);
const perSecond = Number(perSecondText);
if (url === undefined || !(perSecond > 0)) {
  console.error('usage: page-reader.ts URL PER_SECOND');
  process.exit(2);
}

const TICK_MS = 10;
const answers: Record<string, number> = {};
const count = (status: number) => {
  answers[status] = (answers[status] ?? 0) + 1;
};
const pending = new Set<Promise<void>>();
const startedAt = performance.now();
let sent = 0;
const timer = setInterval(() => {
  // Keeps to the rate over the whole run, whatever the timer's lateness.
  const due = Math.floor(((performance.now() - startedAt) / 1000) * perSecond);
  for (; sent < due; sent++) {
    const read = fetch(url)
      .then(async (response) => {
        await response.arrayBuffer();
        count(response.status);
      })
      .catch(() => count(0))
      .finally(() => pending.delete(read));
    pending.add(read);
  }
}, TICK_MS);

process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(timer);
  void Promise.all(pending).then(() => {
    process.stdout.write(JSON.stringify(answers));
  });
});
