import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ThreadsideDb } from '../../../utils/db/database';
import type { SavedThread } from '../../../utils/db/saved-thread';
import { saveThread } from '../../../utils/db/threads-repo';

/** A later schema as a future release would write it: a new index and a new field. */
class NextSchemaDb extends ThreadsideDb {
  constructor(name: string) {
    super(name);
    this.version(5)
      .stores({
        threads: '[origin+threadId], savedAt, lastActivityAt, lastVisitedAt, origin, engine',
        forums: 'origin',
        summaries: '[origin+threadId], createdAt',
      })
      .upgrade((tx) =>
        tx
          .table<SavedThread & { tags?: string[] }>('threads')
          .toCollection()
          .modify((t) => {
            t.tags = [];
          }),
      );
  }
}

describe('schema upgrades', () => {
  it('keeps every saved thread when a later version upgrades the database', async () => {
    const name = 'threadside-migration-test';
    const v1 = new ThreadsideDb(name);
    for (let i = 0; i < 50; i++)
      await saveThread(
        v1,
        {
          engine: 'discourse',
          origin: 'https://forum.bloodcancer.org.uk',
          threadId: String(1000 + i),
          title: `Thread ${i}`,
          url: `https://forum.bloodcancer.org.uk/t/thread-${i}/${1000 + i}`,
          postCount: i + 1,
          highestPostNumber: i + 1,
          lastActivityAt: i * 1000,
          readPostNumber: i,
        },
        i,
      );
    const before = await v1.threads.toArray();
    v1.close();

    const v2 = new NextSchemaDb(name);
    const after = (await v2.threads.toArray()) as Array<SavedThread & { tags?: unknown }>;
    expect(v2.verno).toBe(5);
    expect(after).toHaveLength(50);
    expect(after.map(({ tags: _tags, ...rest }) => rest)).toEqual(before);
    expect(after.every((t) => Array.isArray(t.tags))).toBe(true);
    expect(await v2.threads.where('engine').equals('discourse').count()).toBe(50);
    v2.close();
    await Dexie.delete(name);
  });
});
