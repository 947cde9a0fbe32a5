// A server named as libpq names one: a URL (`postgres://user:pass@host:5432/db?sslmode=require`)
// or keyword/value pairs (`host=localhost port=5432 dbname=app user=me password=…`), as psql
// takes them. What a person sees of it never holds the password.
import type pg from 'pg';
import { EnvironmentError } from './database.js';

export interface Connection {
  config: pg.ClientConfig;
  /** For messages: the connection string with its password masked. */
  description: string;
}

const MASK = '***';

export function parseConnection(text: string): Connection {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return fromUrl(trimmed);
  if (scheme) {
    throw new EnvironmentError(`${scheme}:// names another kind of database: schemadoc needs PostgreSQL (postgres://… or host=… dbname=…)`);
  }
  if (/^\s*[a-z_]+\s*=/i.test(trimmed)) return fromKeywords(trimmed);
  throw new EnvironmentError('the database is named neither by a postgres:// URL nor by keyword=value pairs (host=… dbname=…)');
}

function fromUrl(text: string): Connection {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new EnvironmentError('the database URL is not a valid URL');
  }
  if (url.password) url.password = MASK;
  if (url.searchParams.has('password')) url.searchParams.set('password', MASK);
  return { config: { connectionString: text }, description: url.toString().replace(/password=\*\*\*/, `password=${MASK}`) };
}

/** libpq's keyword/value form: `key=value` pairs, a value in single quotes where it has spaces (`\'` and `\\` escaped). */
function fromKeywords(text: string): Connection {
  const pairs: [string, string][] = [];
  const pattern = /\s*([a-z_]+)\s*=\s*('((?:[^'\\]|\\.)*)'|[^\s']*)/giy;
  let at = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    pairs.push([m[1]!.toLowerCase(), m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : m[2]!]);
    at = pattern.lastIndex;
  }
  if (text.slice(at).trim()) throw new EnvironmentError(`the connection string cannot be read after "${text.slice(0, at).replace(/password\s*=\s*('[^']*'|\S*)/gi, `password=${MASK}`)}"`);
  const config: pg.ClientConfig = {};
  for (const [key, value] of pairs) {
    switch (key) {
      case 'host': case 'hostaddr': config.host = value; break;
      case 'port': config.port = Number(value); break;
      case 'dbname': config.database = value; break;
      case 'user': config.user = value; break;
      case 'password': config.password = value; break;
      case 'application_name': config.application_name = value; break;
      case 'options': config.options = value; break;
      case 'connect_timeout': config.connectionTimeoutMillis = Number(value) * 1000; break;
      case 'sslmode': if (value !== 'disable' && value !== 'allow' && value !== 'prefer') config.ssl = value === 'require' ? { rejectUnauthorized: false } : true; break;
      default: throw new EnvironmentError(`the connection string has a keyword schemadoc does not know: ${key}`);
    }
  }
  const description = pairs.map(([key, value]) => `${key}=${key === 'password' ? MASK : /\s/.test(value) ? `'${value}'` : value}`).join(' ');
  return { config, description };
}

/** Text with any password of the connection masked, for messages that quote what the driver said. */
export function withoutPassword(text: string, password: string | undefined): string {
  return password ? text.split(password).join(MASK) : text;
}
