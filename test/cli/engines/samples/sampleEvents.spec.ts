import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readSampleEvents } from "../../../../cli/engines/samples/sampleEvents";

describe("sample events", () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "trailwatch-samples-"))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads every .json file, sorted by name, and nothing else", () => {
        fs.writeFileSync(path.join(dir, "b.json"), '{"eventName":"B"}');
        fs.writeFileSync(path.join(dir, "a.json"), '{"eventName":"A"}');
        fs.writeFileSync(path.join(dir, "notes.txt"), "not a sample");
        assert.deepStrictEqual(readSampleEvents(dir), [
            { name: "a.json", event: { eventName: "A" } },
            { name: "b.json", event: { eventName: "B" } },
        ]);
    });

    it("a sample that is not JSON is an error naming its file", () => {
        fs.writeFileSync(path.join(dir, "broken.json"), '{"eventName":');
        assert.throws(() => readSampleEvents(dir), {
            message: new RegExp(`^sample event ${path.join(dir, "broken.json").replace(/[\\/.]/g, "\\$&")}: `),
        });
    });
});
