import nock from "nock";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

/**
 * For the test file that calls it: nothing but 127.0.0.1 may be reached while it runs, so a call anywhere
 * else fails, and the test that made it with it; nock's interceptions end with the file. With
 * `everyMockUsed`, each test must use every interception it set up, but those named by `except` (the
 * persistent ones the file sets up once).
 */
export function offline(options: { everyMockUsed?: boolean; except?: string } = {}): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
  if (!options.everyMockUsed) return;
  const { except } = options;
  afterEach(() => {
    expect(nock.pendingMocks().filter((m) => except === undefined || !m.includes(except))).toEqual([]);
  });
}
