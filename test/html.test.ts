import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHtml } from '../src/read/html.js';

// Invented pages in the shape of real news pages: furniture around an article body.
const paragraphs = [
  'The harbour council voted on Tuesday to close the old ferry pier for repairs, ending weeks of debate over the cost of the work.',
  'Councillor Maria Olsen said the pier had been unsafe for years. "We cannot keep patching it and hoping for the best," she told the meeting.',
  'The repairs are expected to take eight months and will be paid for from the town reserve fund, according to a report presented to members.',
  'Ferry operators will move to the north quay while the work goes on. Passengers have been told to allow an extra ten minutes for boarding.',
  'Local shop owners near the pier said they were worried about losing customers during the busy summer season.',
  'The council will review the schedule in March and publish an update on its website.',
];

function articlePage(body: string, head = ''): string {
  return `<!doctype html><html lang="en-GB"><head>
  <title>Harbour council closes ferry pier | The Coastal Times</title>
  <meta property="og:site_name" content="The Coastal Times">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <meta name="author" content="Jonas Berg">
  <link rel="canonical" href="https://coastal.example/news/pier-closes">
  ${head}
  </head><body>
  <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <a class="login" href="/signin">Sign in</a> <a href="/subscribe">Subscribe</a></header>
  <main><article>
  <h1>Harbour council closes ferry pier</h1>
  ${body}
  </article></main>
  <footer class="site-footer"><p>© 2024 The Coastal Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  </body></html>`;
}

const p = (text: string): string => `<p>${text}</p>`;

test('reads the body block by block and leaves the furniture out', () => {
  const body = `
    <div class="byline">By Jonas Berg</div>
    <time datetime="2024-03-05T09:30:00Z">March 5, 2024</time>
    <div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">Email</a></div>
    <figure><img src="pier.jpg" alt=""><figcaption>The old pier at low tide. (Photo: Coastal Times)</figcaption></figure>
    <div class="article-body">
      ${p(paragraphs[0]!)}${p(paragraphs[1]!)}
      <p>Advertisement</p>
      ${p(paragraphs[2]!)}
      <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Fishing fleet returns early</a></li><li><a href="/b">New bus timetable</a></li></ul></div>
      ${p(paragraphs[3]!)}${p(paragraphs[4]!)}${p(paragraphs[5]!)}
    </div>
    <div class="newsletter-signup"><p>Sign up for our morning newsletter</p></div>
    <div class="tags"><a href="/t/harbour">Harbour</a><a href="/t/council">Council</a></div>`;
  const { text, problems } = readHtml(articlePage(body), 'https://coastal.example/news/pier-closes?ref=home');
  assert.equal(text, paragraphs.join('\n\n'));
  assert.deepEqual(problems, []);
});

test('keeps in-article lists, tables and quotes, one line per item and row', () => {
  const body = `<div class="story-body">
    ${p(paragraphs[0]!)}${p(paragraphs[1]!)}
    <p>The closures planned for the spring are:</p>
    <ul><li>the ferry pier, from April</li><li>the fish market car park, from May</li></ul>
    ${p(paragraphs[2]!)}
    <table><tr><th>Site</th><th>Weeks</th></tr><tr><td>Ferry pier</td><td>34</td></tr><tr><td>Car park</td><td>6</td></tr></table>
    <blockquote><p>We will keep the town moving while the work goes on.</p></blockquote>
    ${p(paragraphs[3]!)}${p(paragraphs[4]!)}
  </div>`;
  const { text } = readHtml(articlePage(body), 'page.html');
  assert.equal(
    text,
    [
      paragraphs[0],
      paragraphs[1],
      'The closures planned for the spring are:',
      'the ferry pier, from April\nthe fish market car park, from May',
      paragraphs[2],
      'Site\tWeeks\nFerry pier\t34\nCar park\t6',
      'We will keep the town moving while the work goes on.',
      paragraphs[3],
      paragraphs[4],
    ].join('\n\n'),
  );
});

test('never glues words across blocks, and keeps <br> as a line break', () => {
  const body = `<div class="entry-content">${p(paragraphs[0]!)}<div>${paragraphs[1]}</div><p>First line<br>second line</p>${p(paragraphs[2]!)}${p(paragraphs[3]!)}</div>`;
  const { text } = readHtml(articlePage(body), 'page.html');
  assert.ok(text.includes(`${paragraphs[0]}\n\n${paragraphs[1]}`), text);
  assert.ok(text.includes('First line\nsecond line'), text);
});

test('drops debris lines by their wording', () => {
  const cases: [string, boolean][] = [
    ['Advertisement', false],
    ['Story continues below advertisement', false],
    ['Share this article', false],
    ['Read more: Fishing fleet returns early', false],
    ['(Reporting by Ana Costa; Editing by Tom Reed)', false],
    ['Follow her on Twitter at @anacosta.', false],
    ['March 5, 2024', false],
    ['Image 2 of 7', false],
    ['The mayor said the vote was close.', true],
    ['He told Reuters the plan was sound.', true],
  ];
  for (const [line, kept] of cases) {
    const body = `<div class="article-body">${p(paragraphs[0]!)}${p(paragraphs[1]!)}${p(line)}${p(paragraphs[2]!)}${p(paragraphs[3]!)}</div>`;
    const { text } = readHtml(articlePage(body), 'page.html');
    assert.equal(text.includes(line), kept, `${kept ? 'kept' : 'dropped'}: ${line}`);
  }
});

test('keeps embedded posts even inside social-looking wrappers', () => {
  const body = `<div class="article-body">${p(paragraphs[0]!)}${p(paragraphs[1]!)}
    <div class="social-media-embed"><blockquote class="twitter-tweet"><p>The pier is finally closing, about time.</p></blockquote></div>
    ${p(paragraphs[2]!)}${p(paragraphs[3]!)}</div>`;
  const { text } = readHtml(articlePage(body), 'page.html');
  assert.ok(text.includes('The pier is finally closing, about time.'), text);
});

test('reads the metadata from meta tags, JSON-LD and the markup', () => {
  const linkedData = `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Harbour council closes ferry pier for repairs',
    author: [{ '@type': 'Person', name: 'Jonas Berg' }, { '@type': 'Person', name: 'Lea Novak' }],
    datePublished: '2024-03-05T09:30:00Z',
    dateModified: '2024-03-06T11:00:00Z',
    publisher: { '@type': 'Organization', name: 'Coastal Times Group' },
  })}</script>`;
  const { meta } = readHtml(articlePage(paragraphs.map(p).join(''), linkedData), 'page.html');
  assert.deepEqual(meta, {
    title: 'Harbour council closes ferry pier for repairs',
    byline: 'Jonas Berg, Lea Novak',
    outlet: 'The Coastal Times',
    published: '2024-03-05T09:30:00Z',
    modified: '2024-03-06T11:00:00Z',
    url: 'https://coastal.example/news/pier-closes',
    language: 'en-GB',
  });
});

test('falls back to the <title>, <time> and <html lang> when meta tags are missing', () => {
  const html = `<html lang="pt-BR"><head><title>Prefeitura fecha o cais - Jornal da Costa</title></head><body><article>
    <time datetime="2024-03-05">5 de março de 2024</time>${paragraphs.map(p).join('')}</article></body></html>`;
  const { meta } = readHtml(html, 'https://costa.example/cais');
  assert.equal(meta.title, 'Prefeitura fecha o cais');
  assert.equal(meta.outlet, 'Jornal da Costa');
  assert.equal(meta.published, '2024-03-05');
  assert.equal(meta.language, 'pt-BR');
  assert.equal(meta.url, 'https://costa.example/cais');
});

test('reports an index page as not an article instead of returning teaser soup', () => {
  const teasers = Array.from({ length: 30 }, (_, i) => `<li><a href="/news/${i}">Council story number ${i} in brief</a></li>`).join('');
  const html = `<html><head><title>News | The Coastal Times</title><meta property="og:type" content="website"></head>
    <body><nav><a href="/">Home</a></nav><main><h1>Latest news</h1><ul class="story-list">${teasers}</ul></main></body></html>`;
  const { text, meta, problems } = readHtml(html, 'https://coastal.example/news');
  assert.equal(text, '');
  assert.equal(meta.notArticle, true);
  assert.deepEqual(
    problems.map((problem) => problem.rule),
    ['html/not-article-page'],
  );
});

test('gives a message, not a crash, for pages without an article', () => {
  const cases: [string, string][] = [
    ['empty string', ''],
    ['only scripts', '<html><head><script>var a = 1;</script></head><body><script>document.write("hi")</script></body></html>'],
    ['only an image', '<html><body><img src="a.png"></body></html>'],
    ['plain text', 'hello'],
  ];
  for (const [name, html] of cases) {
    const result = readHtml(html, name);
    if (result.text === '') {
      assert.ok(result.problems.some((problem) => problem.rule === 'html/no-article' || problem.rule === 'html/not-article-page'), name);
    }
  }
});

test('never runs scripts or event handlers', () => {
  const marker = '__crosscheckHtmlTestMarker';
  const html = articlePage(
    `<div class="article-body">${paragraphs.map(p).join('')}<script>globalThis.${marker} = true</script><img src="x" onerror="globalThis.${marker} = true"></div>`,
  );
  const { text } = readHtml(html, 'page.html');
  assert.equal((globalThis as Record<string, unknown>)[marker], undefined);
  assert.ok(!text.includes(marker));
});

test('survives malformed, deeply nested and oversized markup', () => {
  const unclosed = `<html><body><div><p>${paragraphs[0]}<div><p>${paragraphs[1]}<span><b>${paragraphs[2]}</p></table></div>`;
  assert.ok(readHtml(unclosed, 'unclosed').text.includes(paragraphs[1]!));

  const depth = 20_000;
  const nested = `<html><body>${'<div>'.repeat(depth)}${p(paragraphs[0]!)}${'</div>'.repeat(depth)}</body></html>`;
  assert.doesNotThrow(() => readHtml(nested, 'nested'));

  const noBody = `<html><head><title>Pier</title></head>${paragraphs.map(p).join('')}</html>`;
  assert.ok(readHtml(noBody, 'no-body').text.includes(paragraphs[0]!));

  const big = articlePage(paragraphs.map(p).join('').repeat(50));
  const cut = readHtml(big, 'big', { maxChars: 5_000 });
  assert.ok(cut.problems.some((problem) => problem.rule === 'html/truncated'));
});

test('reads a fragment without <html> or <body>', () => {
  const { text } = readHtml(paragraphs.map(p).join(''), 'fragment.html');
  assert.equal(text, paragraphs.join('\n\n'));
});
