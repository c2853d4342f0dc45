import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countSource,
  highestPostCounter,
  invisionPostTotal,
  phpbbPostTotal,
  schemaOrgPostTotal,
  vbulletinPostTotal,
} from '../../../utils/checks/engine-counts';
import { runCheck } from '../../../utils/checks/run-check';
import { ThreadsideDb } from '../../../utils/db/database';
import { newReplies, type SavedThread } from '../../../utils/db/saved-thread';
import { saveThread } from '../../../utils/db/threads-repo';
import { otherEngineAnswer } from '../../forum-lab/other-engines';
import { REDDIT_COMMENT_COUNT } from '../../forum-lab/engines/reddit';
import { startForum, type ForumLab } from '../../forum-lab/server';

const page = (name: string) => readFileSync(join(import.meta.dirname, '../../forum-lab/pages', name), 'utf8');
const lab = (path: string) => otherEngineAnswer(new URL(path, 'http://127.0.0.1:4317'), 'http://127.0.0.1:4317')!.body;

describe('reply counts from pages and engine APIs', () => {
  it('reads phpBB’s post total, vBulletin’s post counters, and schema.org comment counts', () => {
    expect(phpbbPostTotal(lab('/phpbb/viewtopic.php?t=314'))).toBe(4);
    // Every page of a long topic states the whole topic's total, also to a signed-in reader.
    const middle = lab('/phpbb/viewtopic.php?t=428&start=20');
    expect(phpbbPostTotal(middle)).toBe(43);
    expect(
      phpbbPostTotal(
        middle.replace(
          /(<div class="pagination">)/,
          '$1<a href="./viewtopic.php?t=428&amp;view=unread#unread" class="mark">First unread post</a> &bull; ',
        ),
      ),
    ).toBe(43);
    expect(vbulletinPostTotal(lab('/vb/showthread.php?t=5150'))).toBe(2);
    expect(vbulletinPostTotal(lab('/vb/showthread.php?t=5188&page=2'))).toBe(27);
    expect(schemaOrgPostTotal(page('schema-org-story.html'))).toBe(3);
    expect(phpbbPostTotal('<p>nothing here</p>')).toBeNull();
  });

  const t = (engine: SavedThread['engine'], url: string, threadId: string) =>
    ({ engine, url, threadId, origin: new URL(url).origin }) as SavedThread;

  it('uses the engine’s own JSON where it has one', () => {
    const flarum = countSource(t('flarum', 'https://f.example/d/42-diet', '42'))!;
    expect(flarum.url).toBe('https://f.example/api/discussions/42');
    expect(flarum.parse(JSON.stringify({ data: { attributes: { commentCount: 7, lastPostNumber: 9 } } }))).toEqual({
      postCount: 7,
      highestPostNumber: 9,
    });
    const nodebb = countSource(t('nodebb', 'https://n.example/topic/77/bruising', '77'))!;
    expect(nodebb.url).toBe('https://n.example/api/topic/77');
    expect(nodebb.parse('{"postcount": 12}')).toEqual({ postCount: 12, highestPostNumber: 12 });
    const reddit = countSource(t('reddit', 'https://www.reddit.com/r/lymphoma/comments/1abc2de/x/', '1abc2de'))!;
    expect(reddit.url).toBe('https://www.reddit.com/r/lymphoma/comments/1abc2de/x.json?limit=1');
  });

  it('counts a vBulletin thread by its stated total, never by the highest post number on page 1', () => {
    const vb = countSource(t('vbulletin', 'https://vb.example/showthread.php?t=5188', '5188'))!;
    expect(vb.url).toBe('https://vb.example/showthread.php?t=5188');
    const page1 = lab('/vb/showthread.php?t=5188');
    expect(highestPostCounter(page1)).toBe(10);
    // Past a thousand posts the counters carry a thousands separator.
    expect(highestPostCounter('<a>#998</a><a> #1,001 </a><a>#1,000</a>')).toBe(1001);
    expect(vb.parse(page1)).toEqual({ postCount: 27, highestPostNumber: 27 });
    const unstated = page1.replace(/<div id="postpagestats_above"[\s\S]*?<\/div>/, '');
    expect(vb.parse(unstated)).toBeNull();
    expect(
      vb.parse(lab('/vb/showthread.php?t=5150').replace(/<div id="postpagestats_above"[\s\S]*?<\/div>/, '')),
    ).toEqual({ postCount: 2, highestPostNumber: 2 });
  });

  it('counts an Invision topic by its JSON-LD replies, on any page', () => {
    const ips = countSource(t('invision', 'https://ips.example/topic/957-support/', '957'))!;
    expect(ips.url).toBe('https://ips.example/topic/957-support/');
    expect(ips.parse(lab('/invision/topic/957-carers-and-patients-support-thread/'))).toEqual({
      postCount: 57,
      highestPostNumber: 57,
    });
    expect(invisionPostTotal(lab('/invision/topic/903-mgus-diagnosis-what-next/'))).toBe(2);
    expect(ips.parse('<html><body>Sign in</body></html>')).toBeNull();
  });

  it('asks for a schema.org thread at its path, without what a stored address adds after it', () => {
    const page = countSource(
      t('schema-org', 'https://s.example/stories/42-my-journey?action=unsubscribe#x', '/stories/42-my-journey'),
    )!;
    expect(page.url).toBe('https://s.example/stories/42-my-journey');
  });

  it('treats a page that does not say as unknown, never as zero replies', () => {
    expect(countSource(t('nodebb', 'https://n.example/topic/77/x', '77'))!.parse('<html>login</html>')).toBeNull();
  });
});

describe('checking threads on other engines against the demo forum', () => {
  let forum: ForumLab;
  let db: ThreadsideDb;
  beforeAll(async () => {
    forum = await startForum({ port: 0 });
    db = new ThreadsideDb('threadside-engine-counts');
  });
  afterAll(async () => {
    db.close();
    await Dexie.delete(db.name);
    await forum.close();
  });

  const snap = (engine: SavedThread['engine'], threadId: string, url: string, n: number) => ({
    engine,
    origin: forum.url,
    threadId,
    title: threadId,
    url,
    postCount: n,
    highestPostNumber: n,
    lastActivityAt: null,
    readPostNumber: n,
  });
  /** One check of every saved thread, with time that passes at once. */
  const checkAll = () => {
    let clock = Date.now();
    return runCheck({
      db,
      fetch: (i, init) => fetch(i, init),
      now: () => clock,
      sleep: (ms) => {
        clock += ms;
        return Promise.resolve();
      },
      random: () => 1,
    });
  };

  it('finds new replies on phpBB (its page) and Reddit (its JSON)', async () => {
    await saveThread(db, snap('phpbb', '314', `${forum.url}/phpbb/viewtopic.php?t=314`, 3), 0);
    await saveThread(
      db,
      snap('reddit', '1abc2de', `${forum.url}/r/lymphoma/comments/1abc2de/just_diagnosed_with_follicular_lymphoma/`, 2),
      0,
    );
    const report = await checkAll();
    expect(report.failures).toEqual([]);
    expect(newReplies((await db.threads.get([forum.url, '314']))!)).toBe(1);
    // Saved at 2 posts; the post now states REDDIT_COMMENT_COUNT comments, plus itself.
    expect(newReplies((await db.threads.get([forum.url, '1abc2de']))!)).toBe(REDDIT_COMMENT_COUNT + 1 - 2);
    expect(
      forum
        .requests()
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/phpbb/viewtopic.php', '/r/lymphoma/comments/1abc2de/just_diagnosed_with_follicular_lymphoma.json']);
  });

  it('finds new replies on a XenForo thread of several pages, from the count its first page states (its /latest redirects)', async () => {
    const url = `${forum.url}/xf/threads/going-through-treatment-this-year-support-thread.3306/`;
    const snap = { engine: 'xenforo' as const, origin: forum.url, threadId: '3306', title: 'XF', url };
    await saveThread(
      db,
      { ...snap, postCount: 50, highestPostNumber: 50, lastActivityAt: null, readPostNumber: 50 },
      0,
    );
    forum.clearRequests();
    const report = await checkAll();
    expect(report.failures).toEqual([]);
    expect(newReplies((await db.threads.get([forum.url, '3306']))!)).toBe(7);
    expect(forum.requests().map((r) => r.path)).toContain(
      '/xf/threads/going-through-treatment-this-year-support-thread.3306/',
    );
  });

  it('goes on with a forum’s other threads when one of them cannot be read, and says so on that thread', async () => {
    await saveThread(db, snap('xenforo', '2718', `${forum.url}/xf/threads/picc-line-or-port.2718/`, 2), 0);
    await saveThread(db, snap('phpbb', '428', `${forum.url}/phpbb/viewtopic.php?t=428`, 40), 0);
    // This thread's page states no count (a theme that drops it, a half-sent page).
    forum.setFault({ match: '/xf/threads/picc-line-or-port.2718/', kind: 'malformed', times: 5 });
    try {
      const report = await checkAll();
      expect(report.failures).toEqual([]);
      expect(newReplies((await db.threads.get([forum.url, '428']))!)).toBe(3);
      const unread = (await db.threads.get([forum.url, '2718']))!;
      expect(unread.check.lastError).toMatch(/sent something Threadside could not read/);
      expect(unread.highestPostNumber).toBe(2);
    } finally {
      forum.clearFaults();
    }
  });
});
