import { inspect } from 'node:util';
import { HttpError } from '@cloud/core';
import { describe, expect, it } from '@jest/globals';
import { HttpResponse } from 'msw';
import {
  createContainer,
  setAccountMetadata,
  setAccountTempUrlKey,
  setContainerMetadata,
  setContainerTempUrlKey,
} from '../src/index.js';
import { setupSwift } from './fixtures/swift.js';

const { fake, client } = setupSwift();
const KEY = 'sekr1t-temp-url-key-4242';

/** A hostile Swift that repeats every request header value, bare, in its error body. */
function echoHeaders() {
  fake.intercept((req) => {
    if (req.method !== 'POST') return undefined;
    const lines = [...req.headers].map(([, v]) => `invalid value ${v}`).join('\n');
    return new HttpResponse(`<html>refused\n${lines}</html>`, { status: 400 });
  });
}

describe('temp URL keys echoed by a hostile server', () => {
  it('are redacted from errors of every call that sends one', async () => {
    const swift = client();
    await createContainer(swift, 'c');
    echoHeaders();
    const calls = [
      () => setAccountTempUrlKey(swift, KEY),
      () => setAccountTempUrlKey(swift, KEY, { secondary: true }),
      () => setContainerTempUrlKey(swift, 'c', KEY),
      () => setAccountMetadata(swift, { 'temp-url-key': KEY }),
      () => setContainerMetadata(swift, 'c', { 'Temp-URL-Key-2': KEY }),
    ];
    for (const call of calls) {
      const err = (await call().catch((e) => e)) as HttpError;
      expect(err).toBeInstanceOf(HttpError);
      expect(err.responseBody).toContain('refused');
      const everything = `${err.message}\n${err.responseBody}\n${inspect(err, { depth: 5 })}\n${JSON.stringify(err)}`;
      expect(everything).not.toContain(KEY);
    }
  });
});
