import carT from './data/car-t-thread.json' with { type: 'json' };
import { ORDINARY_THREADS } from './data/ordinary-threads';
import { EVALUATION_THREADS } from './data/evaluation-threads';
import { generateLongThread } from './data/long-thread';

/** The demo forum's data, in memory. Every start (and every reset) gives the same forum. */

export interface LabPost {
  id: number;
  post_number: number;
  username: string;
  name: string;
  user_id: number;
  created_at: string;
  like_count: number;
  reply_to_post_number: number | null;
  text: string;
  /** Quote of an earlier post, rendered as Discourse renders `[quote]`. */
  quote?: { username: string; post_number: number; text: string };
}

export interface LabTopic {
  id: number;
  /** A private message: only a signed-in reader (the `_t` cookie) may read it. */
  private?: boolean;
  slug: string;
  title: string;
  category: string;
  created_at: string;
  bumped_at: string;
  posts: LabPost[];
}

export interface ThreadSource {
  id: number;
  private?: boolean;
  slug: string;
  title: string;
  category: string;
  start: string;
  posts: Array<{
    username: string;
    text: string;
    like_count?: number;
    reply_to_post_number?: number | null;
    quote?: LabPost['quote'];
  }>;
}

const DAY = 86_400_000;

let nextPostId = 7001;
const userIds = new Map<string, number>();
const userId = (name: string) => {
  if (!userIds.has(name)) userIds.set(name, 100 + userIds.size);
  return userIds.get(name)!;
};

const displayName = (username: string) => username.replace(/_/g, ' ');

function buildTopic(src: ThreadSource): LabTopic {
  const start = Date.parse(src.start);
  // Replies spread over the weeks after the question, like a real support thread.
  const posts: LabPost[] = src.posts.map((p, i) => ({
    id: nextPostId++,
    post_number: i + 1,
    username: p.username,
    name: displayName(p.username),
    user_id: userId(p.username),
    created_at: new Date(start + i * (i < 10 ? 0.7 : 0.05) * DAY + i * 3_600_000).toISOString(),
    like_count: p.like_count ?? 0,
    reply_to_post_number: p.reply_to_post_number ?? null,
    text: p.text,
    quote: p.quote,
  }));
  return {
    id: src.id,
    private: src.private,
    slug: src.slug,
    title: src.title,
    category: src.category,
    created_at: posts[0].created_at,
    bumped_at: posts[posts.length - 1].created_at,
    posts,
  };
}

export const CAR_T_TOPIC_ID = 1828;
export const PRIVATE_TOPIC_ID = 9001;
/** Words only the reader and the nurse should ever see: the tests look for them elsewhere. */
export const PRIVATE_WORDS = 'my biopsy came back as follicular lymphoma grade 3A';

const PRIVATE_MESSAGE: ThreadSource = {
  id: PRIVATE_TOPIC_ID,
  private: true,
  slug: 'results-from-tuesday',
  title: 'Results from Tuesday',
  category: 'Private messages',
  start: '2026-10-06T09:00:00.000Z',
  posts: [
    { username: 'reader_jo', text: `Hi Sam, ${PRIVATE_WORDS}. Please keep this between us for now.` },
    { username: 'nurse_sam', text: 'Thank you for telling me, Jo. Ring the unit when you are ready to talk.' },
  ],
};
export const LONG_TOPIC_ID = 2000;

function sources(): ThreadSource[] {
  return [
    {
      id: CAR_T_TOPIC_ID,
      slug: 'what-is-car-t-therapy',
      title: carT.title,
      category: 'Treatments',
      start: '2023-03-02T10:15:00.000Z',
      posts: carT.posts.map((p) => ({ username: p.username, text: p.text, like_count: p.like_count })),
    },
    generateLongThread(LONG_TOPIC_ID),
    ...ORDINARY_THREADS,
    ...EVALUATION_THREADS,
    PRIVATE_MESSAGE,
  ];
}

export interface ForumStore {
  topics: Map<number, LabTopic>;
  topic(id: number): LabTopic | undefined;
  /** Newest activity first, as `/latest` lists them. */
  latest(): LabTopic[];
  addReply(topicId: number, reply: { username: string; text: string; like_count?: number }, now?: Date): LabPost;
  /** Many small topics, for the polling benchmark: ids from `firstId`, older activity first. */
  addTopics(count: number, firstId: number): LabTopic[];
  reset(): void;
}

export function createStore(): ForumStore {
  const store: ForumStore = {
    topics: new Map(),
    topic: (id) => store.topics.get(id),
    latest: () =>
      [...store.topics.values()].filter((t) => !t.private).sort((a, b) => b.bumped_at.localeCompare(a.bumped_at)),
    addReply(topicId, reply, now = new Date()) {
      const topic = store.topics.get(topicId);
      if (!topic) throw new Error(`no topic ${topicId}`);
      const last = topic.posts[topic.posts.length - 1];
      const post: LabPost = {
        id: nextPostId++,
        post_number: last.post_number + 1,
        username: reply.username,
        name: displayName(reply.username),
        user_id: userId(reply.username),
        created_at: now.toISOString(),
        like_count: reply.like_count ?? 0,
        reply_to_post_number: null,
        text: reply.text,
      };
      topic.posts.push(post);
      topic.bumped_at = post.created_at;
      return post;
    },
    addTopics(count, firstId) {
      const made: LabTopic[] = [];
      for (let i = 0; i < count; i++) {
        const id = firstId + i;
        const topic = buildTopic({
          id,
          slug: `question-${id}`,
          title: `Question ${i + 1} about treatment and side effects`,
          category: 'Treatments',
          start: new Date(Date.parse('2025-01-01T09:00:00Z') + i * 3_600_000).toISOString(),
          posts: Array.from({ length: 2 + (i % 4) }, (_, n) => ({
            username: n % 2 ? 'Ravi_K' : 'Anna_M',
            text: `Post ${n + 1} in topic ${id}.`,
          })),
        });
        store.topics.set(id, topic);
        made.push(topic);
      }
      return made;
    },
    reset() {
      nextPostId = 7001;
      store.topics = new Map(sources().map((s) => [s.id, buildTopic(s)]));
    },
  };
  store.reset();
  return store;
}
