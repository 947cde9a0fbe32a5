// Functions and types that belong to well-known extensions: a document that uses one
// without CREATE EXTENSION gets the extension created for it (and is told so).

const FUNCTIONS: Record<string, string> = {};
const TYPES: Record<string, string> = {};
const OPERATOR_CLASSES: Record<string, string> = {};

function provides(extension: string, what: { functions?: string[]; types?: string[]; opclasses?: string[] }): void {
  for (const f of what.functions ?? []) FUNCTIONS[f] = extension;
  for (const t of what.types ?? []) TYPES[t] = extension;
  for (const o of what.opclasses ?? []) OPERATOR_CLASSES[o] = extension;
}

provides('uuid-ossp', {
  functions: ['uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v3', 'uuid_generate_v4', 'uuid_generate_v5',
    'uuid_nil', 'uuid_ns_dns', 'uuid_ns_url', 'uuid_ns_oid', 'uuid_ns_x500'],
});
provides('pgcrypto', {
  functions: ['gen_random_bytes', 'crypt', 'gen_salt', 'digest', 'hmac', 'encrypt', 'decrypt', 'encrypt_iv',
    'decrypt_iv', 'pgp_sym_encrypt', 'pgp_sym_decrypt', 'pgp_sym_encrypt_bytea', 'pgp_sym_decrypt_bytea',
    'pgp_pub_encrypt', 'pgp_pub_decrypt', 'pgp_pub_encrypt_bytea', 'pgp_pub_decrypt_bytea', 'armor', 'dearmor'],
});
provides('citext', { types: ['citext'] });
provides('hstore', { types: ['hstore'] });
provides('ltree', { types: ['ltree', 'lquery', 'ltxtquery'] });
provides('pg_trgm', {
  functions: ['similarity', 'word_similarity', 'strict_word_similarity', 'show_trgm'],
  opclasses: ['gin_trgm_ops', 'gist_trgm_ops'],
});
provides('fuzzystrmatch', { functions: ['levenshtein', 'soundex', 'difference', 'metaphone', 'dmetaphone'] });
provides('cube', { types: ['cube'] });
provides('earthdistance', { functions: ['ll_to_earth', 'earth_distance', 'earth_box'] });
provides('btree_gist', { opclasses: ['gist_int4_ops', 'gist_text_ops', 'gist_uuid_ops'] });

/** The functions and types an extension is known to create: `['function', 'uuid_generate_v4']` … */
export function knownProvides(extension: string): ['function' | 'type', string][] {
  const provided: ['function' | 'type', string][] = [];
  for (const [name, of] of Object.entries(FUNCTIONS)) if (of === extension) provided.push(['function', name]);
  for (const [name, of] of Object.entries(TYPES)) if (of === extension) provided.push(['type', name]);
  return provided;
}

export function extensionOfFunction(name: string): string | undefined {
  return FUNCTIONS[name];
}
export function extensionOfType(name: string): string | undefined {
  return TYPES[name];
}
export function extensionOfOperatorClass(name: string): string | undefined {
  return OPERATOR_CLASSES[name];
}
