import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenTexts } from '../src/text/tokens.js';

// One case per line: text, then its tokens joined by " | ". Invented sentences.
const TOKEN_CASES: [text: string, tokens: string][] = [
  ["Mr. Vos didn't go.", "Mr. | Vos | did | n't | go | ."],
  ['DON’T PANIC', 'DO | N’T | PANIC'],
  ['The U.S. sent 6,000 troops.', 'The | U.S. | sent | 6,000 | troops | .'],
  ["Halvik's plant", "Halvik | 's | plant"],
  ['Varn’s engineers', 'Varn | ’s | engineers'],
  ['the workers’ union', 'the | workers | ’ | union'],
  ['“We’re ready,” she said.', '“ | We | ’re | ready | , | ” | she | said | .'],
  ['rose 3.5% in March', 'rose | 3.5 | % | in | March'],
  ['It cost $3.2bn.', 'It | cost | $ | 3.2bn | .'],
  ['fell -5 degrees', 'fell | -5 | degrees'],
  ['In 2023-24, output', 'In | 2023-24 | , | output'],
  ['on 14/3/2024 at 10.30am', 'on | 14/3/2024 | at | 10.30am'],
  ['Visit www.velmar.example.', 'Visit | www.velmar.example | .'],
  ['see https://kessering.example/news?id=4.', 'see | https://kessering.example/news?id=4 | .'],
  ['e-mail: press@halvik.example', 'e-mail | : | press@halvik.example'],
  ['@VelmarPort said', '@VelmarPort | said'],
  ['Wait...', 'Wait | ...'],
  ['over… but', 'over | … | but'],
  ['(VPA)', '( | VPA | )'],
  ['[the plant]', '[ | the | plant | ]'],
  ['long-standing ties', 'long-standing | ties'],
  ['J. R. R. Tolkien', 'J. | R. | R. | Tolkien'],
  ['Lt. Col. Esk', 'Lt. | Col. | Esk'],
  ['Acme Inc.', 'Acme | Inc.'],
  ['and so on, etc.', 'and | so | on | , | etc.'],
  ['The answer was no.', 'The | answer | was | no | .'],
  ['walked 5 km.', 'walked | 5 | km | .'],
  ['“the gates jammed.”', '“ | the | gates | jammed | . | ”'],
  ['called it “a fabrication”.', 'called | it | “ | a | fabrication | ” | .'],
  ['peace,and', 'peace | , | and'],
  ['Kessering—Aldport', 'Kessering | — | Aldport'],
  ['O’Neill', 'O’Neill'],
  ['Courier .', 'Courier | .'],
];

for (const [text, expected] of TOKEN_CASES) {
  test(`tokens: ${text}`, () => {
    assert.equal(tokenTexts(text, tokenize(text)).join(' | '), expected);
  });
}

test('tokens between offsets stay inside them and point into the text', () => {
  const text = 'Intro. The mayor of Kessering said: “We will rebuild.” Outro.';
  const from = text.indexOf('The');
  const to = text.indexOf(' Outro');
  const tokens = tokenize(text, from, to);
  assert.ok(tokens.every((token) => token.start >= from && token.end <= to && token.start < token.end));
  assert.equal(tokenTexts(text, tokens).join(''), text.slice(from, to).replace(/\s+/gu, ''));
});

test('a range that ends inside a word clips the word', () => {
  const text = 'Kessering dam';
  assert.deepEqual(tokenTexts(text, tokenize(text, 0, 5)), ['Kesse']);
});
