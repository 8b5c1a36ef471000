import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addressAllowed, classifyAddress, fetchInputs, normaliseHost, USER_AGENT, type FetchOptions } from '../src/fetch/index.js';
import { parseFeed } from '../src/fetch/feed.js';
import { analyze } from '../src/index.js';
import { runCli, type CliIO } from '../src/cli/program.js';

// Invented articles in news style, written for these tests.
function articlePage(title: string, town: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>The council of ${town} voted on Tuesday to reopen the old river crossing after a year of repairs, the mayor's office said.</p>
<p>"We kept our promise to the people who cross it every morning," said Mayor Ilse Marren, who chaired the session.</p>
<p>Engineers from the regional roads agency inspected the deck last week and found it safe for cars and cyclists.</p>
<p>Traders on both banks said the closure had cut their takings by a third since last winter.</p>
</article></body></html>`;
}

const LOOPBACK_ONLY: FetchOptions = { allowPrivateNetwork: ['127.0.0.1'] };

let server: Server;
let base = '';
/** Requests open at once on the server, and the most seen. */
let open = 0;
let mostOpen = 0;
const userAgents: string[] = [];

function rss(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Riverside Wire</title><link>${base}/</link>
<item><title>Crossing reopens</title><link>${base}/news/crossing-reopens</link><pubDate>Tue, 03 Nov 2026 09:30:00 GMT</pubDate></item>
<item><title>Traders count the cost</title><link>/news/traders-count</link><pubDate>Wed, 04 Nov 2026 07:00:00 GMT</pubDate></item>
</channel></rss>`;
}

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title>
<entry><title>Crossing reopens</title><link rel="alternate" href="${base}/news/crossing-reopens"/><published>2026-11-03T10:00:00Z</published></entry>
<entry><title>Traders count the cost</title><link rel="self" href="${base}/feed/entry-2"/><link href="${base}/news/traders-count"/><updated>2026-11-04T08:00:00Z</updated></entry>
</feed>`;
}

function jsonFeed(): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Harbour Bulletin',
    items: [
      { id: '1', url: `${base}/news/crossing-reopens`, title: 'Crossing reopens', date_published: '2026-11-03T11:00:00Z' },
      { id: '2', url: `${base}/news/traders-count`, title: 'Traders count the cost' },
    ],
  });
}

function slowFeed(): string {
  const items = Array.from({ length: 6 }, (_, n) => `<item><title>Slow ${n}</title><link>${base}/slow/${n}</link></item>`).join('');
  return `<rss version="2.0"><channel><title>Slow Desk</title>${items}</channel></rss>`;
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  userAgents.push(req.headers['user-agent'] ?? '');
  open += 1;
  mostOpen = Math.max(mostOpen, open);
  res.on('close', () => (open -= 1));
  const path = req.url ?? '/';
  const send = (type: string, body: string | Buffer, status = 200) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };
  const loop = /^\/loop\/(\d+)$/.exec(path);
  if (loop) {
    res.writeHead(302, { location: `/loop/${Number(loop[1]) + 1}` });
    res.end();
    return;
  }
  const slow = /^\/slow\/(\d+)$/.exec(path);
  if (slow) {
    setTimeout(() => send('text/html; charset=utf-8', articlePage(`Slow story ${slow[1]}`, 'Dunmere')), 80);
    return;
  }
  switch (path) {
    case '/article.html':
      return send('text/html; charset=utf-8', articlePage('Bridge vote passes', 'Ostrava Mill'));
    case '/news/crossing-reopens':
      return send('text/html', articlePage('Crossing reopens', 'Velmora'));
    case '/news/traders-count':
      return send('text/html', articlePage('Traders count the cost', 'Kessering'));
    case '/rss.xml':
      return send('application/rss+xml', rss());
    case '/atom.xml':
      return send('application/atom+xml; charset=utf-8', atom());
    case '/feed.json':
      return send('application/feed+json', jsonFeed());
    case '/slow-feed.xml':
      return send('application/rss+xml', slowFeed());
    case '/not-a-feed.xml':
      return send('application/xml', 'this is <<< not a feed at all');
    case '/truncated.xml':
      return send('application/rss+xml', rss().slice(0, rss().indexOf('<item><title>Traders')) + '<item><title>Traders count');
    case '/image.png':
      return send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case '/redirect-once':
      res.writeHead(301, { location: '/article.html' });
      return void res.end();
    case '/to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return void res.end();
    case '/to-private':
      res.writeHead(307, { location: 'http://10.0.0.1/admin' });
      return void res.end();
    case '/to-mapped-loopback':
      // The same machine written another way must be judged as what it is.
      res.writeHead(302, { location: 'http://[::ffff:7f00:2]/' });
      return void res.end();
    case '/big': {
      // Chunked, with no length given: the cap must stop the stream, not the header.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'filler words in a very long page '.repeat(1000)}</p>`;
      for (let n = 0; n < 80; n += 1) res.write(chunk);
      return void res.end();
    }
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 * 1024) });
      return void res.write('<p>starts</p>');
    case '/endless': {
      res.writeHead(200, { 'content-type': 'text/html' });
      const drip = setInterval(() => res.write('<p>and more</p>'), 30);
      res.on('close', () => clearInterval(drip));
      return;
    }
    case '/missing':
      return send('text/plain', 'not here', 404);
    default:
      return send('text/plain', 'unknown', 404);
  }
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('normalising hosts: odd IPv4 forms and IPv6 forms that carry IPv4 are judged as what they are', () => {
  const cases: [string, string, string][] = [
    // given, normalised, kind
    ['0x7f.1', '127.0.0.1', 'loopback'],
    ['2130706433', '127.0.0.1', 'loopback'],
    ['0177.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['[::ffff:7f00:1]', '127.0.0.1', 'loopback'],
    ['[::1]', '::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', '::1', 'loopback'],
    ['169.254.169.254', '169.254.169.254', 'metadata'],
    ['0xa9fea9fe', '169.254.169.254', 'metadata'],
    ['[::ffff:169.254.169.254]', '169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'fd00:ec2::254', 'metadata'],
    ['10.1.2.3', '10.1.2.3', 'private'],
    ['172.31.255.255', '172.31.255.255', 'private'],
    ['172.32.0.1', '172.32.0.1', 'public'],
    ['192.168.0.10', '192.168.0.10', 'private'],
    ['100.64.0.1', '100.64.0.1', 'shared'],
    ['169.254.10.1', '169.254.10.1', 'link-local'],
    ['fe80::1', 'fe80::1', 'link-local'],
    ['fc00::1', 'fc00::1', 'private'],
    ['fd12:3456::1', 'fd12:3456::1', 'private'],
    ['0.0.0.0', '0.0.0.0', 'unspecified'],
    ['0', '0.0.0.0', 'unspecified'],
    ['::', '::', 'unspecified'],
    ['224.0.0.1', '224.0.0.1', 'multicast'],
    ['ff02::1', 'ff02::1', 'multicast'],
    ['64:ff9b::a00:1', '10.0.0.1', 'private'],
    ['2002:7f00:1::', '2002:7f00:1::', 'loopback'],
    ['93.184.215.14', '93.184.215.14', 'public'],
    ['2606:4700::1111', '2606:4700::1111', 'public'],
  ];
  for (const [given, normalised, kind] of cases) {
    assert.equal(normaliseHost(given), normalised, `normaliseHost(${given})`);
    assert.equal(classifyAddress(given), kind, `classifyAddress(${given})`);
  }
  assert.equal(normaliseHost('News.Example.ORG'), 'news.example.org');
});

test('the allowance: a list allows exactly its addresses; true allows private networks but never metadata', () => {
  const cases: [string, FetchOptions['allowPrivateNetwork'], boolean][] = [
    ['127.0.0.1', false, false],
    ['127.0.0.1', ['127.0.0.1'], true],
    ['0x7f.1', ['127.0.0.1'], true],
    ['::ffff:127.0.0.1', ['127.0.0.1'], true],
    ['127.0.0.2', ['127.0.0.1'], false],
    ['127.0.0.2', ['127.0.0.0/8'], true],
    ['::1', ['127.0.0.1'], false],
    ['10.0.0.1', ['127.0.0.1'], false],
    ['10.0.0.1', true, true],
    ['169.254.169.254', true, false],
    ['fd00:ec2::254', true, false],
    ['169.254.169.254', ['169.254.169.254'], true],
    ['8.8.8.8', false, true],
  ];
  for (const [address, allowance, allowed] of cases) {
    assert.equal(addressAllowed(address, allowance).allowed, allowed, `${address} under ${JSON.stringify(allowance)}`);
  }
});

test('an article page becomes an inline article with its final URL, and the user agent names crosscheck', async () => {
  userAgents.length = 0;
  const { inputs, messages } = await fetchInputs([`${base}/redirect-once`], LOOPBACK_ONLY);
  assert.deepEqual(messages, []);
  assert.equal(inputs.length, 1);
  assert.equal(inputs[0]!.source, `${base}/redirect-once`);
  assert.equal(inputs[0]!.url, `${base}/article.html`);
  assert.equal(inputs[0]!.format, 'html');
  assert.match(new TextDecoder().decode(inputs[0]!.content as Uint8Array), /Bridge vote passes/);
  assert.match(USER_AGENT, /^crosscheck\/\d+\.\d+\.\d+ \(\+https:\/\/\S+\)$/);
  assert.deepEqual([...new Set(userAgents)], [USER_AGENT]);
});

test('RSS, Atom and JSON feeds: each item is fetched as an article with the title, date and outlet the feed gives', async () => {
  const expected: [string, string, (string | null)[]][] = [
    ['/rss.xml', 'Riverside Wire', ['2026-11-03T09:30:00.000Z', '2026-11-04T07:00:00.000Z']],
    ['/atom.xml', 'Valley Courier', ['2026-11-03T10:00:00.000Z', '2026-11-04T08:00:00.000Z']],
    ['/feed.json', 'Harbour Bulletin', ['2026-11-03T11:00:00.000Z', null]],
  ];
  for (const [path, outlet, dates] of expected) {
    const { inputs, messages } = await fetchInputs([`${base}${path}`], LOOPBACK_ONLY);
    assert.deepEqual(messages, [], path);
    assert.deepEqual(
      inputs.map((input) => [input.source, input.title, input.outlet, input.published ?? null]),
      [
        [`${base}/news/crossing-reopens`, 'Crossing reopens', outlet, dates[0]],
        [`${base}/news/traders-count`, 'Traders count the cost', outlet, dates[1]],
      ],
      path,
    );
  }
});

test('a feed through analyze: the items are documents with the feed title as outlet', async () => {
  const analysis = await analyze([`${base}/rss.xml`], { fetch: LOOPBACK_ONLY });
  assert.deepEqual(
    analysis.documents.map((doc) => [doc.title, doc.outlet, doc.url]),
    [
      ['Crossing reopens', 'Riverside Wire', `${base}/news/crossing-reopens`],
      ['Traders count the cost', 'Riverside Wire', `${base}/news/traders-count`],
    ],
  );
  assert.match(analysis.documents[0]!.text, /river crossing/);
});

test('malformed feeds are messages, never exceptions', async () => {
  const notFeed = await fetchInputs([`${base}/not-a-feed.xml`], LOOPBACK_ONLY);
  assert.deepEqual(notFeed.inputs, []);
  assert.deepEqual(notFeed.messages.map((m) => `${m.severity} ${m.rule}: ${m.text}`), [
    `error fetch/malformed-feed: ${base}/not-a-feed.xml: is not an RSS, Atom or JSON feed (no <rss>, <feed> or <rdf:RDF> root element).`,
  ]);

  // Cut off inside its second item: the first item is still read, and the cut is reported.
  const truncated = await fetchInputs([`${base}/truncated.xml`], LOOPBACK_ONLY);
  assert.deepEqual(truncated.inputs.map((input) => input.title), ['Crossing reopens']);
  assert.deepEqual(truncated.messages.map((m) => `${m.severity} ${m.rule}: ${m.text}`), [
    `warning fetch/malformed-feed: ${base}/truncated.xml: looks cut off or malformed (it does not end with </rss>); the items that could be read were used.`,
    `warning fetch/malformed-feed: ${base}/truncated.xml: item 2 has no link; it was skipped.`,
  ]);

  const table: [string, RegExp][] = [
    ['{"version": "https://jsonfeed.org/version/1.1", "items": [', /^is not valid JSON/],
    ['{"title": "no version"}', /^is JSON but not a JSON Feed/],
    ['', /^is not an RSS, Atom or JSON feed/],
    ['<html><body>a page</body></html>', /^is not an RSS, Atom or JSON feed/],
  ];
  for (const [text, pattern] of table) {
    const feed = parseFeed(text, 'https://example.org/feed');
    assert.ok('malformed' in feed, text);
    assert.match(feed.malformed, pattern, text);
  }
});

test('fetch failures: each is one message naming the URL, with a stable rule', async () => {
  const cases: [string, FetchOptions, string, RegExp][] = [
    ['/loop/0', { ...LOOPBACK_ONLY, maxRedirects: 3 }, 'fetch/too-many-redirects', /was redirected more than 3 times; the last hop was .*\/loop\/3\.$/],
    ['/to-metadata', LOOPBACK_ONLY, 'fetch/blocked-address', /redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/, but 169\.254\.169\.254 is a cloud metadata address; crosscheck does not fetch from cloud metadata services/],
    ['/to-metadata', { allowPrivateNetwork: true }, 'fetch/blocked-address', /169\.254\.169\.254 is a cloud metadata address/],
    ['/to-private', LOOPBACK_ONLY, 'fetch/blocked-address', /redirected to http:\/\/10\.0\.0\.1\/admin, but 10\.0\.0\.1 is a private address/],
    ['/to-mapped-loopback', LOOPBACK_ONLY, 'fetch/blocked-address', /but 127\.0\.0\.2 is a loopback address/],
    ['/big', { ...LOOPBACK_ONLY, maxBytes: 1024 * 1024 }, 'fetch/too-large', /is larger than the limit of 1048576 bytes; it was not analyzed/],
    ['/big-declared', { ...LOOPBACK_ONLY, maxBytes: 1024 * 1024 }, 'fetch/too-large', /is larger than the limit of 1048576 bytes/],
    ['/endless', { ...LOOPBACK_ONLY, timeoutMs: 400 }, 'fetch/timeout', /took longer than 0\.4 s; the fetch was stopped\.$/],
    ['/image.png', LOOPBACK_ONLY, 'fetch/unsupported-type', /is image\/png, not an HTML page, plain text or a feed \(RSS, Atom, JSON Feed\); it was not read\.$/],
    ['/missing', LOOPBACK_ONLY, 'fetch/http-status', /the server answered 404 Not Found\.$/],
  ];
  for (const [path, options, rule, pattern] of cases) {
    const { inputs, messages } = await fetchInputs([`${base}${path}`], options);
    assert.deepEqual(inputs, [], path);
    assert.equal(messages.length, 1, `${path}: ${JSON.stringify(messages)}`);
    assert.equal(messages[0]!.rule, rule, `${path}: ${messages[0]!.text}`);
    assert.equal(messages[0]!.severity, 'error');
    assert.ok(messages[0]!.text.startsWith(`${base}${path}: `), messages[0]!.text);
    assert.match(messages[0]!.text, pattern, path);
  }
});

test('offline by default: without the allowance loopback is refused before any connection', async () => {
  userAgents.length = 0;
  const { inputs, messages } = await fetchInputs([`${base}/article.html`, 'http://0x7f.1/', 'http://[::1]/']);
  assert.deepEqual(inputs, []);
  assert.deepEqual(messages.map((m) => m.rule), ['fetch/blocked-address', 'fetch/blocked-address', 'fetch/blocked-address']);
  assert.match(messages[0]!.text, /127\.0\.0\.1 is a loopback address; crosscheck does not fetch from private networks unless --allow-private-network allows it\.$/);
  assert.match(messages[1]!.text, /^http:\/\/0x7f\.1\/: 127\.0\.0\.1 is a loopback address/);
  assert.deepEqual(userAgents, [], 'the server saw no request');
});

test('a name is checked by every address it resolves to', async () => {
  // The name is resolved first and its addresses judged: an allowance for another range does not cover it.
  const port = (server.address() as AddressInfo).port;
  const { messages } = await fetchInputs([`http://localhost:${port}/article.html`], { allowPrivateNetwork: ['10.0.0.0/8'] });
  assert.equal(messages[0]?.rule, 'fetch/blocked-address');
  assert.match(messages[0]!.text, /is a loopback address \(localhost resolves to it\)/);
});

test('one host gets at most perHostConcurrency requests at a time', async () => {
  mostOpen = 0;
  const { inputs, messages } = await fetchInputs([`${base}/slow-feed.xml`], { ...LOOPBACK_ONLY, perHostConcurrency: 2 });
  assert.deepEqual(messages, []);
  assert.equal(inputs.length, 6);
  assert.equal(mostOpen, 2);
});

test('items per feed are capped, with a note', async () => {
  const { inputs, messages } = await fetchInputs([`${base}/slow-feed.xml`], { ...LOOPBACK_ONLY, maxFeedItems: 2 });
  assert.deepEqual(inputs.map((input) => input.title), ['Slow 0', 'Slow 1']);
  assert.deepEqual(messages.map((m) => `${m.severity} ${m.rule}`), ['info fetch/feed-items-capped']);
});

test('options are checked before anything is fetched', async () => {
  await assert.rejects(fetchInputs([`${base}/article.html`], { allowPrivateNetwork: ['localhost'] }), { code: 'INVALID_OPTIONS' });
  await assert.rejects(fetchInputs([`${base}/article.html`], { timeoutMs: 0 }), { code: 'INVALID_OPTIONS' });
});

test('analyze: a failing URL is a message and the other inputs are still analysed', async () => {
  const analysis = await analyze(
    [
      { content: 'Ferry service resumes\n\nThe ferry between Velmora and Ostrin resumed on Monday, the port authority said.\n', source: 'ferry.txt' },
      `${base}/article.html`,
      `${base}/image.png`,
      `${base}/to-metadata`,
    ],
    { fetch: LOOPBACK_ONLY },
  );
  assert.deepEqual(analysis.documents.map((doc) => doc.source), ['ferry.txt', `${base}/article.html`]);
  assert.deepEqual(
    analysis.messages.filter((m) => m.stage === 'fetch').map((m) => [m.doc, m.rule]),
    [
      [null, 'fetch/unsupported-type'],
      [null, 'fetch/blocked-address'],
    ],
  );
});

test('crosscheck add and analyze take URLs; the flag allows one address', async () => {
  const data = await mkdtemp(join(tmpdir(), 'crosscheck-fetch-'));
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), readStdin: async () => Buffer.from(''), stderrIsTTY: false, cwd: process.cwd(), exitCode: 0 };
  const code = await runCli(['add', 'Bridge', `${base}/atom.xml`, `${base}/image.png`, '--allow-address', '127.0.0.1', '--data', data], io);
  assert.equal(code, 1, stderr);
  assert.match(stdout, /^Added 2 document\(s\) to the new case "Bridge" \(2 in all\)\./);
  assert.match(stderr, /^crosscheck: error: http:\/\/127\.0\.0\.1:\d+\/image\.png: is image\/png, not an HTML page/m);

  stdout = '';
  stderr = '';
  const refused = await runCli(['analyze', `${base}/article.html`, '--format', 'md'], { ...io, exitCode: 0 });
  assert.equal(refused, 1);
  assert.match(stderr, /127\.0\.0\.1 is a loopback address; crosscheck does not fetch from private networks unless --allow-private-network allows it\. \[fetch\/blocked-address\]/);
  assert.match(stderr, /nothing could be analyzed/);

  stdout = '';
  stderr = '';
  const allowed = await runCli(['analyze', `${base}/article.html`, '--allow-private-network', '--format', 'md'], { ...io, exitCode: 0 });
  assert.equal(allowed, 0, stderr);
  assert.match(stdout, /Bridge vote passes/);

  stdout = '';
  stderr = '';
  const ftp = await runCli(['add', 'Bridge', 'ftp://example.org/story', '--data', data], { ...io, exitCode: 0 });
  assert.equal(ftp, 2);
  assert.match(stderr, /^crosscheck: error: crosscheck fetches only http and https URLs \(ftp:\/\/example\.org\/story\)/);
});
