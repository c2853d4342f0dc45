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
    'schema-org',
    ['/stories/', '/news/'],
    [
      [/^\/stories\/stem-cell-transplant-one-year-on$/, 'schema-org-story.html'],
      [/^\/news\/parking$/, 'plain-article.html'],
    ],
  ),
];
