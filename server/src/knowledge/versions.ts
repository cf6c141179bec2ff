/**
 * What differs between versions beyond the directive and command tables: how a line is
 * split into arguments.
 */
import type { SplitOptions } from '../syntax/configParser';
import { productOf, type TargetId } from './types';

type Version = readonly [number, number];

function versionOf(target: TargetId): Version {
  const [major = '0', minor = '0'] = target.slice(target.indexOf('-') + 1).split('.');
  return [Number(major), Number(minor)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1];
}

const CONTINUE_AFTER_QUOTE: SplitOptions = { continueAfterQuote: true };
const STRICT_QUOTES: SplitOptions = {};

/**
 * How the target splits a line into arguments. Valkey 9.1 rewrote the splitter: text
 * straight after a closing quote continues the argument instead of being refused. (9.0
 * is not known here.)
 */
export function quoting(target: TargetId): SplitOptions {
  return productOf(target) === 'valkey' && compare(versionOf(target), [9, 1]) >= 0 ? CONTINUE_AFTER_QUOTE : STRICT_QUOTES;
}
