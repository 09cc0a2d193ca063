import { fileURLToPath } from 'node:url';

// src/cli/ and dist/cli/ are both two levels below the package root, so this holds for tsx and the build.
export const SAMPLE_ARTICLES_DIR = fileURLToPath(new URL('../../samples/articles/', import.meta.url));
