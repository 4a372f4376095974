import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";

/** The Pulumi project a command works on: the folder holding `Pulumi.yaml`, and where its stack files live. */
export interface PulumiProject {
    /** The folder holding the project file. */
    dir: string;
    /** The project file, `<dir>/Pulumi.yaml` (or `Pulumi.yml`). */
    file: string;
    /** The folder holding `Pulumi.<stack>.yaml`: `<dir>/<stackConfigDir>`, or `<dir>` when the project sets none. */
    stackConfigDir: string;
    /** The stack files' extension: the project file's own (`.yaml` or `.yml`), as the Pulumi CLI names them. */
    extension: string;
}

/** Thrown when no project is found, or its `Pulumi.yaml` cannot be read. */
export class PulumiProjectError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PulumiProjectError";
    }
}

// The Pulumi CLI finds the project the same way: `workspace.DetectProjectPathFrom` (pulumi/pulumi,
// sdk/go/common/workspace/paths.go) "locates the closest project from the given path, searching 'upwards' in the
// directory hierarchy" for a `Pulumi.<ext>` project file, and `DetectProjectStackPath` joins the project's
// `stackConfigDir` (relative to the folder of Pulumi.yaml) with `Pulumi.<stack><ext of the project file>`.
// The Pulumi docs ("Pulumi.yaml project file reference"): `stackConfigDir` is the "config directory location
// relative to the location of Pulumi.yaml". JSON project files are left out: this project's tools read YAML.
const projectFileNames = ["Pulumi.yaml", "Pulumi.yml"];

/** The closest Pulumi project at or above `startDir`. Throws a {@link PulumiProjectError} outside any project. */
export function findPulumiProject(startDir: string): PulumiProject {
    const start = path.resolve(startDir);
    for (let dir = start; ; dir = path.dirname(dir)) {
        for (const name of projectFileNames) {
            const file = path.join(dir, name);
            if (isFile(file)) return readProject(dir, file);
        }
        if (path.dirname(dir) === dir) break;
    }
    throw new PulumiProjectError(
        `not inside a Pulumi project: no Pulumi.yaml in ${start} or any folder above it ` +
            "(run trailwatch from the project's folder or one below it)",
    );
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function readProject(dir: string, file: string): PulumiProject {
    let doc: unknown;
    try {
        doc = parseYaml(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new PulumiProjectError(`${file}: ${(err as Error).message}`);
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
        throw new PulumiProjectError(`${file}: a Pulumi project file is a map (name, runtime, ...)`);
    }
    const configured = (doc as { stackConfigDir?: unknown }).stackConfigDir;
    if (configured !== undefined && (typeof configured !== "string" || configured.trim() === "")) {
        throw new PulumiProjectError(`${file}: stackConfigDir must be a folder name, relative to ${dir}`);
    }
    return {
        dir,
        file,
        stackConfigDir: configured === undefined ? dir : path.resolve(dir, configured),
        extension: path.extname(file),
    };
}
