import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/** An in-memory DuckDB (the engine `@duckdb/node-api` embeds) with one connection. */
export class DuckdbSession {
    private constructor(
        private readonly instance: DuckDBInstance,
        private readonly connection: DuckDBConnection,
    ) {}

    /** Opens a session; the native binding is loaded only now, so commands without DuckDB never pay for it. */
    static async open(): Promise<DuckdbSession> {
        const { DuckDBInstance } = await import("@duckdb/node-api");
        const instance = await DuckDBInstance.create(":memory:");
        return new DuckdbSession(instance, await instance.connect());
    }

    /** Runs one statement and returns its rows as plain JSON values: BIGINT as a decimal string, LIST as an array. */
    async query(sql: string): Promise<Record<string, unknown>[]> {
        const reader = await this.connection.runAndReadAll(sql);
        return reader.getRowObjectsJson();
    }

    /** Stops the statement running now (Ctrl-C). */
    interrupt(): void {
        this.connection.interrupt();
    }

    close(): void {
        this.connection.closeSync();
        this.instance.closeSync();
    }
}

/** Runs one query on a fresh in-memory DuckDB and returns its rows (see {@link DuckdbSession.query}). */
export async function runDuckdbQuery(sql: string): Promise<Record<string, unknown>[]> {
    const session = await DuckdbSession.open();
    try {
        return await session.query(sql);
    } finally {
        session.close();
    }
}
