import 'fake-indexeddb/auto';
import { runCheck } from '../utils/checks/run-check';
import { ThreadsideDb } from '../utils/db/database';
import { newReplies } from '../utils/db/saved-thread';
import { saveThread } from '../utils/db/threads-repo';
import { createDiscourseClient } from '../utils/forums/discourse-api';
import { startForum } from '../tests/forum-lab/server';

/**
 * `npm run bench -- polling`: 200 saved topics on one Discourse forum, 10 of which got a
 * reply since the last check. Threadside's check (one /latest.json sweep) against the
 * baseline of one /t/{id}.json per saved topic, both counted on the demo forum's request
 * log, both expected to find the same new replies.
 */
const TOPICS = 200;
const WITH_REPLIES = 10;
const FIRST_ID = 5000;

export async function run() {
  const forum = await startForum({ port: 0 });
  forum.addTopics(TOPICS, FIRST_ID);
  const db = new ThreadsideDb('threadside-bench-polling');
  let clock = Date.now();
  const deps = {
    db,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
    now: () => clock,
    // The politeness gap is real in the extension; here the clock jumps instead of waiting.
    sleep: (ms: number) => {
      clock += ms;
      return Promise.resolve();
    },
    random: Math.random,
  };
  try {
    const client = createDiscourseClient({ origin: forum.url });
    for (let i = 0; i < TOPICS; i++) {
      const topic = await client.getTopic(FIRST_ID + i);
      if (!topic.ok) throw new Error(topic.error.message);
      const t = topic.data;
      await saveThread(
        db,
        {
          engine: 'discourse',
          origin: forum.url,
          threadId: String(t.id),
          title: t.title,
          url: `${forum.url}/t/${t.slug}/${t.id}`,
          postCount: t.posts_count,
          highestPostNumber: t.highest_post_number,
          lastActivityAt: null,
          readPostNumber: t.highest_post_number,
        },
        clock,
      );
    }
    await runCheck(deps); // the first check of newly saved topics: topic by topic, once
    clock += 15 * 60_000;

    const replied = Array.from({ length: WITH_REPLIES }, (_, i) => FIRST_ID + i * 17);
    for (const id of replied) forum.addReply(id, { username: 'Sara', text: 'An update from me.' });

    forum.clearRequests();
    await runCheck(deps);
    const sweepPaths = forum.requests().map((r) => r.path);
    const sweepRequests = sweepPaths.length;
    const found = new Map(
      (await db.threads.toArray()).filter((t) => newReplies(t) > 0).map((t) => [t.threadId, newReplies(t)]),
    );

    // Baseline: ask about every saved topic.
    forum.clearRequests();
    const perTopic = new Map<string, number>();
    for (const t of await db.threads.toArray()) {
      const res = await client.getTopic(t.threadId);
      if (res.ok && res.data.highest_post_number > t.baselinePostNumber)
        perTopic.set(t.threadId, res.data.highest_post_number - t.baselinePostNumber);
    }
    const baselineRequests = forum.requests().length;

    const same = found.size === perTopic.size && [...found].every(([id, n]) => perTopic.get(id) === n);
    console.log(
      `sweep: ${sweepRequests} request(s) (${sweepPaths.join(', ')}); found ${found.size} threads with new replies`,
    );
    console.log(`one request per topic: ${baselineRequests} requests; found ${perTopic.size} threads with new replies`);
    console.log(
      `bench polling: ${sweepRequests} requests vs ${baselineRequests} for ${TOPICS} saved topics (${(baselineRequests / sweepRequests).toFixed(0)}x fewer), ${found.size} of ${WITH_REPLIES} replied topics found, same counts: ${same ? 'yes' : 'NO'} (target at most 5 vs 200, same counts)`,
    );
    if (!same) process.exitCode = 1;
  } finally {
    db.close();
    await forum.close();
  }
}
