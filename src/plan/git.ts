/**
 * Moved to src/git.ts (git is a live look-up: it sits behind the process seam, outside the pure plan).
 * Kept as a re-export only so branches written against the old path still compile; delete after merging.
 */
export * from '../git.js';
