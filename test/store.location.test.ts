/** Store locations: a postgres:// URL or a file path, and how messages show them (never a password). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPostgresUrl, shownLocation } from '../src/store/location.js';

test('isPostgresUrl: postgres:// and postgresql:// URLs, any case; paths and other URLs are not', () => {
  assert.equal(isPostgresUrl('postgres://u@h/db'), true);
  assert.equal(isPostgresUrl('POSTGRESQL://u@h/db'), true);
  assert.equal(isPostgresUrl('news.db'), false);
  assert.equal(isPostgresUrl('./postgres://x'), false);
  assert.equal(isPostgresUrl('redis://h:6379'), false);
});

test('shownLocation: every password of a URL masked (user part, ?password=, ?sslpassword=); paths unchanged', () => {
  assert.equal(shownLocation('postgres://ana:s3cret@db.example:5432/news?schema=eu'), 'postgres://ana:***@db.example:5432/news?schema=eu');
  assert.equal(shownLocation('postgres://ana@db.example/news?password=s3cret&schema=eu&sslpassword=k3y'), 'postgres://ana@db.example/news?password=***&schema=eu&sslpassword=***');
  assert.equal(shownLocation('redis://:s3cret@127.0.0.1:6379/0'), 'redis://:***@127.0.0.1:6379/0');
  assert.equal(shownLocation('postgres://ana@db.example/news'), 'postgres://ana@db.example/news');
  assert.equal(shownLocation('/data/news.db'), '/data/news.db');
  for (const url of ['postgres://ana:s3cret@db.example/news', 'postgres://x@h/d?password=s3cret']) assert.ok(!shownLocation(url).includes('s3cret'), url);
});
