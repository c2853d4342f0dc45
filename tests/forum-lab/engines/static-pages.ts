import { html, pageFile, plainNotFound, type EngineLab } from './engine-lab';

/**
 * Demo pages kept as single files, for engines not yet rebuilt from their templates: each
 * answers only its own exact address.
 */
function staticLab(engine: string, prefixes: string[], routes: Array<[RegExp, string]>): EngineLab {
  return {
    engine,
    prefixes,
    answer(url, origin) {
      const file = routes.find(([re]) => re.test(url.pathname + url.search))?.[1];
      return file ? html(pageFile(file, origin)) : null;
    },
    notFound: () => plainNotFound('Not found'),
  };
}

export const STATIC_LABS: EngineLab[] = [
  staticLab(
    'xenforo',
    ['/xf/'],
    [
      [/^\/xf\/threads\/picc-line-or-port\.2718\/$/, 'xenforo-thread.html'],
      [/^\/xf\/(forums\/)?$/, 'xenforo-forum-list.html'],
    ],
  ),
  staticLab('khoros', ['/t5/'], [[/^\/t5\/Myeloma\/Stem-cell-harvest-tomorrow\/td-p\/123456$/, 'khoros-thread.html']]),
  staticLab(
    'healthunlocked',
    ['/lymphoma-action/'],
    [[/^\/lymphoma-action\/posts\/150001234\/fatigue-after-car-t$/, 'healthunlocked-post.html']],
  ),
  staticLab(
    'schema-org',
    ['/stories/', '/news/'],
    [
      [/^\/stories\/stem-cell-transplant-one-year-on$/, 'schema-org-story.html'],
      [/^\/news\/parking$/, 'plain-article.html'],
    ],
  ),
];
