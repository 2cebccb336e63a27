// The package's description of the element, checked two ways: against the
// Custom Elements Manifest schema (2.x), and against the element itself
// (the attributes it observes, the parts it renders, the custom
// properties its stylesheet reads), so that it cannot drift from the code;
// and the packed package against the crate (the catalogs it ships).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const read = (file) => readFile(new URL(file, root), 'utf8');
const manifest = JSON.parse(await read('package/custom-elements.json'));
const element = manifest.modules.flatMap((module) => module.declarations).find((declaration) => declaration.customElement);

test('custom-elements.json is valid against the Custom Elements Manifest schema', () => {
  const schema = require('custom-elements-manifest/schema.json');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const valid = validate(manifest);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  assert.match(manifest.schemaVersion, /^2\./);
  // The schema accepts it: does it catch a broken one? (A manifest without modules is not one.)
  assert.equal(validate({ schemaVersion: '2.1.0' }), false);
});

test('the attributes are those the element observes', async () => {
  const source = await read('src/element_config.rs');
  const observed = /OBSERVED_ATTRIBUTES: \[&str; \d+\] = \[([^\]]+)\]/.exec(source)[1].match(/"[^"]+"/g).map((name) => JSON.parse(name));
  assert.deepEqual(element.attributes.map((attribute) => attribute.name).sort(), observed.sort());
});

test('the CSS properties are those the stylesheet reads', async () => {
  const css = await read('style/chat-activity.css');
  const read_ = [...new Set(css.match(/--chat-activity-[a-z-]+[a-z]/g))].sort();
  assert.deepEqual(element.cssProperties.map((property) => property.name).sort(), read_);
});

test('the parts are those the views render', async () => {
  const sources = await Promise.all(
    ['src/views/chat_activity.rs', 'src/views/timeline.rs', 'src/views/avatar.rs', 'src/views/invite_chip.rs', 'src/views/pager.rs', 'src/views/notice.rs'].map(read),
  );
  // In view! markup (part="row") or through the element builder (.attr("part", "heading")).
  const found = [...sources.join('\n').matchAll(/part="([a-z]+)"|\.attr\("part", "([a-z]+)"\)/g)];
  const rendered = [...new Set(found.map((match) => match[1] ?? match[2]))].sort();
  assert.deepEqual(element.cssParts.map((part) => part.name).sort(), rendered);
});

test('the four events, each with a detail type', () => {
  assert.deepEqual(element.events.map((event) => event.name), [
    'chat-activity-loaded',
    'chat-activity-forbidden',
    'chat-activity-unauthorized',
    'chat-activity-error',
  ]);
  for (const event of element.events) assert.match(event.type.text, /^CustomEvent<\{ chatId: number[;} ]/);
});

test('the one property, messages, is the one the element class defines', async () => {
  const source = await read('src/custom_element.js');
  const accessors = [...source.matchAll(/^\s+(?:get|set) ([a-z]+)\(/gm)].map((match) => match[1]);
  const fields = element.members.filter((member) => member.kind === 'field').map((member) => member.name);
  assert.deepEqual([...new Set(accessors)], ['messages']);
  assert.deepEqual(fields, ['messages']);
});

test('the package carries the catalogs the element fetches (i18n/), as the crate has them', async () => {
  const { readdir } = await import('node:fs/promises');
  const source = (await readdir(new URL('src/i18n/catalogs/', root))).sort();
  assert.deepEqual(source, ['ar.json', 'de.json', 'es.json', 'fr.json', 'ja.json', 'pt.json', 'ru.json']);
  assert.deepEqual((await readdir(new URL('target/package/i18n/', root))).sort(), source);
  for (const file of source) {
    assert.equal(await read(`target/package/i18n/${file}`), await read(`src/i18n/catalogs/${file}`), file);
  }
  const packageJson = JSON.parse(await read('target/package/package.json'));
  assert.ok(packageJson.files.includes('i18n'), 'npm pack takes i18n/');
  assert.equal(packageJson.exports['./i18n/*'], './i18n/*');
});
