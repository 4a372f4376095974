import * as assert from "assert";
import * as http from "http";
import { AddressInfo } from "net";
import { OpsgenieApiError, getOpsgenieAlert } from "../../../../cli/engines/drill/opsgenieAlerts";

// What this proves: what the drill's Opsgenie client says when a request cannot be sent, against a loopback server
// (Node's own fetch, no stub). What it cannot prove: Opsgenie's answers; runDrill.spec.ts plays those back.

describe("getOpsgenieAlert", () => {
    let server: http.Server;
    let baseUrl: string;
    let requests: number;

    before(async () => {
        requests = 0;
        server = http.createServer((_req, res) => {
            requests++;
            res.writeHead(404).end();
        });
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    // fetch refuses a header value holding a NUL or a line break and quotes the value in its error.
    for (const [what, apiKey] of [
        ["a line break", "3f1c9a52-7d4e-4b1a\n9c2e-5a6b7c8d9e0f"],
        ["a NUL", "3f1c9a52-7d4e-4b1a\u00009c2e-5a6b7c8d9e0f"],
        ["a line break, and spaces fetch trims", "  3f1c9a52-7d4e-4b1a\r\n9c2e-5a6b7c8d9e0f \n"],
    ]) {
        it(`a key with ${what} inside it: an error that never quotes the key, and no request`, async () => {
            await assert.rejects(getOpsgenieAlert({ baseUrl, apiKey }, "trailwatch-dev-x", "alias"), (err: Error) => {
                assert.ok(err instanceof OpsgenieApiError, String(err));
                assert.match(err.message, /^cannot reach http:\/\/127\.0\.0\.1:\d+: /);
                for (const part of ["3f1c9a52-7d4e-4b1a", "9c2e-5a6b7c8d9e0f"]) {
                    assert.ok(!err.message.includes(part), err.message);
                }
                return true;
            });
            assert.strictEqual(requests, 0);
        });
    }
});
