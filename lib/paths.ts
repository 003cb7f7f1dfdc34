import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the working directory of the process that synthesizes. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
