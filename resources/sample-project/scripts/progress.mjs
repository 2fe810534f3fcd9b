// Reports progress over about three seconds with the `::progress N message` protocol.
const steps = [
  [10, 'reading sources'],
  [30, 'parsing files'],
  [55, 'checking links'],
  [80, 'rendering pages'],
  [100, 'finished'],
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
for (const [percent, message] of steps) {
  console.log(`::progress ${percent} ${message}`);
  await sleep(600);
}
console.log('progress: all steps done');
