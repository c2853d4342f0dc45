/**
 * A stand-in for Flarum's forum.js: `flarum.core.app.load(payload)` then `boot()` draws the
 * discussion page from the payload into `#content`, a moment after the page has loaded, as
 * the Mithril app does. The markup follows flarum/framework v1.8.7
 * js/src/forum/components/DiscussionPage.tsx (hero, then the nav with PostStreamScrubber and
 * the stream), PostStream.js (`.PostStream-item` with data-index, data-time, data-number,
 * data-id, data-type), Post.tsx and CommentPost.js (article > div > header, `.Post-body`),
 * PostUser.js and PostMeta.js. Like DiscussionPage.show, it shows the posts the payload
 * includes and scrolls to the post number in the path. No loading more on scroll.
 */
export const FLARUM_APP_JS = `
(function () {
  var payload = null;
  function el(tag, cls, attrs) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  function draw() {
    var doc = payload.apiDocument;
    var d = doc.data;
    var users = {};
    var posts = [];
    doc.included.forEach(function (r) {
      if (r.type === 'users') users[r.id] = r.attributes;
      if (r.type === 'posts' && r.relationships.discussion && r.relationships.discussion.data.id === d.id) posts.push(r);
    });
    posts.sort(function (a, b) { return a.attributes.number - b.attributes.number; });
    var ids = d.relationships.posts.data.map(function (p) { return p.id; });
    var count = ids.length;

    var page = el('div', 'DiscussionPage');
    var discussion = add(page, el('div', 'DiscussionPage-discussion'));
    var hero = add(discussion, el('header', 'Hero DiscussionHero'));
    var items = add(add(hero, el('div', 'container')), el('ul', 'DiscussionHero-items'));
    add(add(items, el('li', 'item-title')), el('h1', 'DiscussionHero-title')).textContent = d.attributes.title;

    var main = add(discussion, el('div', 'container'));
    var navItem = add(add(add(main, el('nav', 'DiscussionPage-nav')), el('ul')), el('li', 'item-scrubber'));
    var scrubber = add(navItem, el('div', 'PostStreamScrubber Dropdown App-titleControl'));
    var toggle = add(scrubber, el('button', 'Button Dropdown-toggle', { 'data-toggle': 'dropdown' }));
    add(toggle, el('span', 'Scrubber-index'));
    toggle.appendChild(document.createTextNode(' of '));
    add(toggle, el('span', 'Scrubber-count')).textContent = count.toLocaleString('en');
    toggle.appendChild(document.createTextNode(count === 1 ? ' post ' : ' posts '));
    add(toggle, el('i', 'icon fas fa-sort Button-icon', { 'aria-hidden': 'true' }));

    var stream = add(add(main, el('div', 'DiscussionPage-stream')), el('div', 'PostStream', { role: 'feed', 'aria-live': 'off', 'aria-busy': 'false' }));
    posts.forEach(function (p) {
      var a = p.attributes;
      var user = users[p.relationships.user.data.id] || {};
      var item = add(stream, el('div', 'PostStream-item', {
        'data-index': String(ids.indexOf(p.id)),
        'data-time': a.createdAt,
        'data-number': String(a.number),
        'data-id': p.id,
        'data-type': a.contentType
      }));
      var article = add(item, el('article', 'CommentPost Post'));
      var inner = add(article, el('div'));
      var header = add(inner, el('header', 'Post-header'));
      var ul = add(header, el('ul'));
      var name = add(add(add(add(ul, el('li', 'item-user')), el('div', 'PostUser')), el('h3', 'PostUser-name')), el('a', '', { href: payload.resources[0].attributes.basePath + '/u/' + user.slug }));
      add(name, el('span', 'Avatar PostUser-avatar', { loading: 'lazy' })).textContent = (user.displayName || '?').charAt(0);
      name.appendChild(document.createTextNode(' '));
      add(name, el('span', 'username')).textContent = user.displayName;
      var meta = add(add(ul, el('li', 'item-meta')), el('div', 'Dropdown PostMeta'));
      var time = add(add(meta, el('a', 'Dropdown-toggle', { 'data-toggle': 'dropdown' })), el('time', '', { pubdate: '', datetime: a.createdAt, 'data-humantime': '' }));
      time.textContent = new Date(a.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
      // What m.trust(contentHtml) does: the forum's own HTML for the post.
      add(inner, el('div', 'Post-body')).innerHTML = a.contentHtml;
      add(add(inner, el('aside', 'Post-actions')), el('ul'));
      add(add(inner, el('footer', 'Post-footer')), el('ul'));
    });
    var last = posts[posts.length - 1];
    if (last && ids.indexOf(last.id) < count - 1) {
      var more = add(stream, el('div', 'PostStream-loadMore'));
      add(more, el('button', 'Button', { type: 'button' })).textContent = 'Load More';
    }
    document.getElementById('content').appendChild(page);

    var near = Number((location.pathname.match(/\\/d\\/[^/]+\\/(\\d+)$/) || [])[1] || 0);
    var target = near && document.querySelector('.PostStream-item[data-number="' + near + '"]');
    if (target) target.scrollIntoView();
  }
  window.flarum = window.flarum || { extensions: {} };
  flarum.core = {
    app: {
      load: function (data) { payload = data; },
      bootExtensions: function () {},
      boot: function () { setTimeout(draw, 300); }
    }
  };
})();
`;
