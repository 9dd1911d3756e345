import { testStoreContract } from './contract';
import { makeXlsxHarness } from './xlsx-harness';
import { createXlsxPackageStore } from '../../src/store/drivers/xlsx-package/xlsx-package';

testStoreContract('xlsx-package', (fixture) => makeXlsxHarness(fixture, undefined, createXlsxPackageStore));
