import { openPgliteStore } from './pglite.js';
import { storeSuite } from './store.suite.js';

storeSuite('PGlite', () => openPgliteStore());
