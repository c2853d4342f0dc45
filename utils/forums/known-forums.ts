/**
 * The forums Threadside works on out of the box. This is the one list: the manifest's
 * content-script matches and host permissions are generated from it, so adding a forum here
 * is the whole change.
 */
export interface KnownForum {
  host: string;
  name: string;
  engine: 'discourse';
  /** Plain http is only for the local demo forum; real forums are https. */
  scheme: 'https' | 'http';
}

const REAL_FORUMS: readonly KnownForum[] = [
  { host: 'forum.bloodcancer.org.uk', name: 'Blood Cancer UK forum', engine: 'discourse', scheme: 'https' },
  { host: 'forum.breastcancernow.org', name: 'Breast Cancer Now forum', engine: 'discourse', scheme: 'https' },
];

/**
 * The demo forum (`npm run forum`). Chrome and Firefox match patterns without a port match
 * every port, so the demo works whatever PORT it was started on.
 */
const DEMO_FORUM: KnownForum = {
  host: '127.0.0.1',
  name: 'Threadside demo forum',
  engine: 'discourse',
  scheme: 'http',
};

/**
 * The forums a build knows. The demo forum only in demo and test builds: in a store package
 * it would run Threadside on every web app served from this computer.
 */
export function knownForums(withDemo: boolean): readonly KnownForum[] {
  return withDemo ? [...REAL_FORUMS, DEMO_FORUM] : REAL_FORUMS;
}

/**
 * The demo build, development and tests. Each key is read on its own so the bundler writes
 * the value in place rather than the whole environment; where no bundler ran (the build's
 * own config) there is no `import.meta.env` and the store's list is meant.
 */
function withDemoForum(): boolean {
  try {
    return import.meta.env.WXT_THREADSIDE_DEMO === '1' || import.meta.env.MODE !== 'production';
  } catch {
    return false;
  }
}

/**
 * The engine a real known forum runs, by origin; null elsewhere. A saved thread there is of
 * that engine only: a file naming it otherwise (a "page" at any address, a vBulletin
 * `?t=` on any path) would have the checker ask that forum for any address, signed in.
 * (The demo forum is a lab serving every engine.)
 */
export function knownEngineAt(origin: string): KnownForum['engine'] | null {
  return REAL_FORUMS.find((f) => `${f.scheme}://${f.host}` === origin)?.engine ?? null;
}

/** The forums this build knows: the demo too in the demo build, development and tests. */
export const KNOWN_FORUMS = knownForums(withDemoForum());

export function matchPatterns(forums: readonly KnownForum[] = KNOWN_FORUMS): string[] {
  return forums.map((f) => `${f.scheme}://${f.host}/*`);
}
