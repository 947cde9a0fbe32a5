// The type definitions a generated file declares for itself, written only where used.

const JSON_TYPES = `export type Json = JsonValue;
export type JsonArray = JsonValue[];
export type JsonObject = { [x: string]: JsonValue | undefined };
export type JsonPrimitive = boolean | number | string | null;
export type JsonValue = JsonArray | JsonObject | JsonPrimitive;`;

/** node-postgres's interval (the postgres-interval package), declared here rather than imported. */
const INTERVAL = `export interface IPostgresInterval {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
  toPostgres(): string;
  toISO(): string;
  toISOString(): string;
}`;

export const SHARED: Record<string, string> = {
  Json: JSON_TYPES,
  IPostgresInterval: INTERVAL,
  Point: 'export type Point = { x: number; y: number };',
  Circle: 'export type Circle = { x: number; y: number; radius: number };',
  Uuid: "export type Uuid = string & { readonly __brand: 'Uuid' };",
};

/** The definitions used, written in a fixed order. */
export class Used {
  private readonly used = new Set<string>();
  constructor(private readonly texts: Record<string, string>) {}

  use(name: string): string {
    this.used.add(name);
    return name;
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  text(): string {
    return Object.entries(this.texts).filter(([name]) => this.used.has(name)).map(([, text]) => `${text}\n`).join('\n');
  }
}
