import { quoteArgValue } from "@trailwatch/components/catalogue";
import * as fs from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { MissingSecret, findMissingSecrets } from "../../../program";
import { StackSecretProblem, stackSecretProblems } from "./stackSecrets";
import { describeFileError } from "../io";
import { describeYamlError } from "./yamlErrorExcerpt";
import { PulumiProject, PulumiProjectError, findPulumiProject } from "./pulumiProject";

/** The project name, as `Pulumi.yaml` declares it. */
export const projectName = "trailwatch";

/** A stack's configuration as the Pulumi CLI hands it to a program: a flat map of text values. */
export interface StackFileConfig {
    /** `{"aws:region": "eu-west-1", "trailwatch:logRetentionDays": "365", ...}`; structured values as JSON. */
    values: Record<string, string>;
    /** Keys whose value is `secure:` in the stack file; their values here are {@link secretPlaceholder}. */
    secretKeys: Set<string>;
    /**
     * Secrets the stack requires that the file does not hold (CI or each user sets them with `pulumi config set
     * --secret`). Offline, each is present in `values` as {@link secretPlaceholder} and in `secretKeys`, so the
     * program runs as it would with the secret set; `pulumi up` would stop on them, naming the key.
     * @default none
     */
    missingSecrets?: MissingSecret[];
    /**
     * `secure:` values that no Pulumi secrets manager could decrypt (see `stackSecretProblems`): `pulumi preview`
     * would stop on them with "failed to decrypt config".
     * @default none
     */
    secretProblems?: StackSecretProblem[];
}

/**
 * Stands in for the value of a `secure:` key. The offline check never decrypts secrets (it has no passphrase or
 * Pulumi Cloud access, and must never print them); the program sees this text wrapped as a Pulumi secret.
 */
export const secretPlaceholder = "[secret]";

/** Stands in for a value unknown until deployment (in a preview). */
export const unknownPlaceholder = "[unknown]";

/**
 * The largest stack file read. A stack holds at most 100 rules (CloudWatch Logs quotas: 100 metric
 * filters per log group), each at most a 1024-character pattern and some prose: about 250 KB. A
 * 56 MB file of 500,000 rules took the YAML parser 400 s and 4 GB; refusing it by size takes none.
 */
export const MAX_STACK_FILE_BYTES = 512 * 1024;

/** Thrown when a stack file is missing or is not a Pulumi stack configuration file. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** The project at or above `dir` (see {@link findPulumiProject}); outside a project a {@link StackFileError}. */
function projectOf(dir: string): PulumiProject {
    try {
        return findPulumiProject(dir);
    } catch (err) {
        if (err instanceof PulumiProjectError) throw new StackFileError(err.message);
        throw err;
    }
}

/** The stacks that have a `Pulumi.<stack>.yaml` file in the stack folder of the project at or above `dir`. */
export function listStacks(dir: string): string[] {
    const project = projectOf(dir);
    if (!fs.existsSync(project.stackConfigDir)) return [];
    return fs
        .readdirSync(project.stackConfigDir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

/**
 * Path of a stack's configuration file in the project at or above `dir`: `Pulumi.<stack>.yaml` in the folder the
 * project's `Pulumi.yaml` names as `stackConfigDir` (this project: `stacks/`), else beside `Pulumi.yaml`.
 */
export function stackFilePath(dir: string, stack: string): string {
    const project = projectOf(dir);
    return path.join(project.stackConfigDir, `Pulumi.${stack}${project.extension}`);
}

/**
 * Reads a stack's `Pulumi.<stack>.yaml` the way the Pulumi CLI would pass it to the program. `dir` is any folder
 * inside the project (the project is found upwards from it, as the Pulumi CLI finds it).
 */
export function readStackFile(dir: string, stack: string): StackFileConfig {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack) || stack.startsWith(".")) {
        throw new StackFileError(`"${stack}" is not a stack name (letters, digits, '_', '.', '-')`);
    }
    const projectDir = projectOf(dir).dir;
    const file = stackFilePath(projectDir, stack);
    const shown = path.relative(projectDir, file);
    let text: string;
    try {
        const size = fs.statSync(file).size;
        if (size > MAX_STACK_FILE_BYTES) {
            throw new StackFileError(
                `${path.relative(projectDir, file)}: ${Math.ceil(size / 1024)} KB; a stack file may be at most ${MAX_STACK_FILE_BYTES / 1024} KB (a stack of 100 rules, the most CloudWatch Logs allows per log group, takes about 250 KB)`,
            );
        }
        text = fs.readFileSync(file, "utf8");
    } catch (err) {
        if (err instanceof StackFileError) throw err;
        // Only a file that is not there is an unknown stack; a folder or a file that cannot be read is said as such.
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
            throw new StackFileError(`cannot read ${shown}: ${describeFileError(err)}`);
        }
        const known = listStacks(projectDir);
        throw new StackFileError(
            `no stack "${stack}": ${shown} does not exist` + (known.length > 0 ? `; stacks: ${known.join(", ")}` : ""),
        );
    }
    let doc: unknown;
    try {
        doc = parseYaml(text);
    } catch (err) {
        // Never the library's own excerpt: it would print a secret on the offending line.
        throw new StackFileError(`${shown}: ${describeYamlError(text, err as Error)}`);
    }
    const config = stackFileConfigMap(shown, doc);
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    for (const [key, value] of Object.entries(config)) {
        const malformed = malformedSecure(value);
        if (malformed !== undefined) {
            throw new StackFileError(`${path.relative(projectDir, file)}: ${key}: ${malformed}`);
        }
        // A map or list with a `secure:` value inside is a secret key as a whole, as Pulumi hands it to a program (a
        // "secure object value": pulumi/pulumi sdk/go/common/resource/config/value.go, `NewSecureObjectValue`).
        if (isSecure(value) || holdsSecure(value)) {
            values[key] = secretPlaceholder;
            secretKeys.add(key);
        } else {
            // JSON has no Infinity or NaN: JSON.stringify would turn `1e309` and `.nan` into "null",
            // and the error would then quote a value the user never wrote.
            values[key] =
                typeof value === "string"
                    ? value
                    : typeof value === "number" && !Number.isFinite(value)
                      ? String(value)
                      : JSON.stringify(value);
        }
    }
    // The offline tools never decrypt secrets, so a secret that is not set at all changes nothing they show: they go
    // on with the placeholder (which never leaves this process: no state, no cloud) and say `pulumi up` needs it.
    const missingSecrets = findMissingSecrets(values, secretKeys, stack);
    for (const missing of missingSecrets) {
        values[missing.key] = secretPlaceholder;
        secretKeys.add(missing.key);
    }
    return { values, secretKeys, missingSecrets, secretProblems: stackSecretProblems(doc) };
}

/**
 * The `config` map of a parsed stack file, or a {@link StackFileError} naming the file and what is wrong with it.
 * A stack file is a map whose `config` is a map of `namespace:key` to value (Pulumi docs, "Pulumi.<stack>.yaml stack
 * settings file reference"); the program deploys to the region `aws:region` names, which it cannot guess.
 */
function stackFileConfigMap(shown: string, doc: unknown): Record<string, unknown> {
    const example = "config:\n  aws:region: eu-west-1";
    if (doc === null || doc === undefined) {
        throw new StackFileError(`${shown}: the file is empty; a stack file is a map such as\n${example}`);
    }
    if (typeof doc !== "object" || Array.isArray(doc)) {
        const found = Array.isArray(doc) ? "a list" : `the ${typeof doc} ${quoteArgValue(doc)}`;
        throw new StackFileError(`${shown}: the file holds ${found}, not a map such as\n${example}`);
    }
    const config = (doc as { config?: unknown }).config;
    if (config === undefined || config === null) {
        throw new StackFileError(`${shown}: there is no "config" map; a stack file is a map such as\n${example}`);
    }
    if (typeof config !== "object" || Array.isArray(config)) {
        throw new StackFileError(
            `${shown}: "config" must be a map of key: value, not ${Array.isArray(config) ? "a list" : `the ${typeof config} ${quoteArgValue(config)}`}`,
        );
    }
    const region = (config as Record<string, unknown>)["aws:region"];
    if (region !== undefined && region !== null && typeof region !== "string") {
        // Present but not a name: saying it is missing would send the user looking for a key that is there.
        const found = Array.isArray(region)
            ? "a list"
            : typeof region === "object"
              ? "a map"
              : `the ${typeof region} ${JSON.stringify(region)}`;
        throw new StackFileError(`${shown}: aws:region must be a region name such as eu-west-1, not ${found}`);
    }
    if (typeof region !== "string" || region.trim() === "") {
        throw new StackFileError(
            `${shown}: config has no aws:region (the AWS region to deploy to); add it, e.g. \`aws:region: eu-west-1\`, ` +
                "or run `pulumi config set aws:region eu-west-1`",
        );
    }
    return config as Record<string, unknown>;
}

/** True when a map or list holds a `secure:` value at any depth. */
function holdsSecure(value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    return Object.values(value).some((v) => isSecure(v) || holdsSecure(v));
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && !Array.isArray(value) && "secure" in value;
}

/**
 * Why a `secure:` value is not one Pulumi wrote (`pulumi config set --secret` writes a map whose
 * only key is `secure`, holding the ciphertext as a non-empty string), or undefined. Never quotes
 * the value: it is a secret, or part of one.
 */
function malformedSecure(value: unknown): string | undefined {
    if (!isSecure(value)) return undefined;
    const map = value as Record<string, unknown>;
    const expected = "set it again with `pulumi config set --secret`";
    const others = Object.keys(map).filter((k) => k !== "secure");
    if (others.length > 0) {
        return `a secure value is a map with the one key "secure"; this one also has ${others.map((k) => `"${k}"`).join(", ")}: ${expected}`;
    }
    const secure = map.secure;
    if (typeof secure !== "string") {
        const kind =
            secure === null
                ? "empty"
                : Array.isArray(secure)
                  ? "a list"
                  : typeof secure === "object"
                    ? "a map"
                    : `a ${typeof secure}`;
        return `"secure" must hold the ciphertext as text; it is ${kind}: ${expected}`;
    }
    if (secure.trim() === "") return `"secure" is empty: ${expected}`;
    return undefined;
}
