import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Runs one query on a fresh in-memory DuckDB (the engine `@duckdb/node-api` embeds) and returns its
 * rows as plain JSON values: BIGINT as a decimal string, LIST as an array.
 * `@duckdb/node-api` loads its native binding only when this runs.
 */
export async function runDuckdbQuery(sql: string, prepare: readonly string[] = []): Promise<Record<string, unknown>[]> {
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:");
    const connection: DuckDBConnection = await instance.connect();
    try {
        for (const statement of prepare) await connection.run(statement);
        const reader = await connection.runAndReadAll(sql);
        return reader.getRowObjectsJson() as Record<string, unknown>[];
    } finally {
        connection.closeSync();
        instance.closeSync();
    }
}
