import { startForum } from './server';
import { CAR_T_TOPIC_ID, LONG_TOPIC_ID } from './store';
import { ENGINE_LABS } from './other-engines';

/** `npm run forum`: the demo forum on its own, for trying the built extension by hand. */
const port = Number(process.env.PORT ?? 4317);
const forum = await startForum({ port });
const u = forum.url;
// Every thread of every other engine: its short ones, then its thread of several pages.
const INDENT = '\n' + ' '.repeat(26);
const otherEngines = ENGINE_LABS.flatMap((lab) => [
  ...lab.otherThreads.map((path) => `${lab.engine.padEnd(14)} ${u}${path}`),
  ...(lab.demo ? [`${lab.engine.padEnd(14)} ${u}${lab.demo.pagePath(1)}   (${lab.demo.pages} pages)`] : []),
]).join(INDENT);
console.log(`Threadside demo forum on ${u}

  CAR-T thread (real, from a UK blood-cancer charity forum)
    ${u}/t/what-is-car-t-therapy/${CAR_T_TOPIC_ID}
    ${u}/t/what-is-car-t-therapy/${CAR_T_TOPIC_ID}?view=crawler   (no-JavaScript crawler view)
  1,000-post thread       ${u}/t/long-running-support-thread/${LONG_TOPIC_ID}
  Ordinary threads        ${u}/t/hickman-line-or-picc/1902
                          ${u}/t/fatigue-months-after-chemo/1955
                          ${u}/t/neutropenic-diet-questions/1977
  Other engines           ${otherEngines}
  Not a thread            ${u}/latest
  JSON                    ${u}/t/${CAR_T_TOPIC_ID}.json   ${u}/latest.json
  Test endpoints          POST ${u}/__lab/topics/${CAR_T_TOPIC_ID}/replies {"username","text"}
                          POST ${u}/__lab/faults {"match","kind":"429|500|slow|malformed|login"}
                          GET  ${u}/__lab/requests

Load the demo build (npm run build:demo) from .output/chrome-mv3-demo in chrome://extensions
(Developer mode, "Load unpacked"), then open the CAR-T thread. Ctrl-C stops the forum.`);

const stop = async () => {
  await forum.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
