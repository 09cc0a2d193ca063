import { StatementsError } from '../../src/errors.js';
import { parseFeed } from '../../src/feeds/index.js';

/** The error parseFeed refuses `xml` with; fails the test when it parses. */
export async function parseFailure(xml: string): Promise<StatementsError> {
  try {
    await parseFeed(xml, 'f');
  } catch (err) {
    if (err instanceof StatementsError) return err;
    throw err;
  }
  throw new Error('expected parseFeed to throw');
}
