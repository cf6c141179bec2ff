/** Cursor-marker fixtures: `$0` in a text marks a position (see fixture.ts). */
export { cursor } from './fixture';
