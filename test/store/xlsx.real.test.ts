import { testStoreContract } from './contract';
import { makeXlsxHarness } from './xlsx-harness';

testStoreContract('xlsx', (fixture) => makeXlsxHarness(fixture));
