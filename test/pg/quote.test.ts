import { describe, expect, it } from 'vitest';
import { ident, literal, qualified } from '../../src/pg/quote.js';

describe('identifier quoting', () => {
  it.each([
    ['users', 'users'],
    ['user_id', 'user_id'],
    ['_private', '_private'],
    ['user', '"user"'],           // reserved
    ['order', '"order"'],         // reserved
    ['limit', '"limit"'],
    ['userId', '"userId"'],       // upper case
    ['User', '"User"'],
    ['first name', '"first name"'],
    ['say "hi"', '"say ""hi"""'],
    ['1st', '"1st"'],
    ['név', '"név"'],
    ['comment', 'comment'],       // unreserved keyword: no quotes needed
    ['name', 'name'],
  ])('%s → %s', (name, quoted) => {
    expect(ident(name)).toBe(quoted);
  });

  it('quotes each part of a qualified name on its own', () => {
    expect(qualified({ schema: 'auth', name: 'users' })).toBe('auth.users');
    expect(qualified({ schema: 'My App', name: 'user' })).toBe('"My App"."user"');
    expect(qualified({ name: 'user' })).toBe('"user"');
  });

  it('doubles single quotes in literals', () => {
    expect(literal("it's")).toBe("'it''s'");
  });
});
