import { describe, expect, it } from 'vitest';
import { expandUser, expandVars } from '../../src/py/os-path';

describe('expandUser (os.path.expanduser with HOME)', () => {
  it('expands ~ and ~/…, leaves ~user and inner tildes alone', () => {
    const env = { HOME: '/home/u' };
    expect(expandUser('~', env)).toBe('/home/u');
    expect(expandUser('~/a/b', env)).toBe('/home/u/a/b');
    expect(expandUser('~x/a', env)).toBe('~x/a');
    expect(expandUser('a/~/b', env)).toBe('a/~/b');
  });

  it('strips trailing slashes of HOME, and gives / for a HOME of /', () => {
    expect(expandUser('~/a', { HOME: '/home/u//' })).toBe('/home/u/a');
    expect(expandUser('~', { HOME: '/' })).toBe('/');
    expect(expandUser('~/a', { HOME: '/' })).toBe('/a');
  });
});

describe('expandVars (os.path.expandvars)', () => {
  const env = { A: 'x', B_1: 'y', REF: '$A' };
  it('replaces $NAME and ${NAME} when set and leaves the rest as written', () => {
    expect(expandVars('$A/$B_1/${A}z', env)).toBe('x/y/xz');
    expect(expandVars('$A$A', env)).toBe('xx');
    expect(expandVars('$UNSET/${UNSET}/$', env)).toBe('$UNSET/${UNSET}/$');
    expect(expandVars('${}/$-', env)).toBe('${}/$-');
  });

  it('does not expand inside a replacement', () => {
    expect(expandVars('$REF', env)).toBe('$A');
  });
});
