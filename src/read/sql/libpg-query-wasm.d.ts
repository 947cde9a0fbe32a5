// libpg-query's Emscripten module: the PostgreSQL parser compiled to WebAssembly.
declare module 'libpg-query/wasm/libpg-query.js' {
  export interface PgQueryWasm {
    HEAPU8: Uint8Array;
    _malloc(size: number): number;
    _free(pointer: number): void;
    _wasm_parse_query_raw(query: number): number;
    _wasm_free_parse_result(result: number): void;
    _wasm_scan(query: number): number;
    _wasm_free_string(pointer: number): void;
  }
  const createModule: () => Promise<PgQueryWasm>;
  export default createModule;
}
